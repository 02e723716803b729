-- The agenda reads a team's due suggestions in rank order (priority, due date, id): with this index it reads the
-- first page in order and stops, instead of sorting every due suggestion (docs/benchmarks.md, 50,000 due per team).
create index next_touch_rank_idx on next_touch (team_id, priority, due_at, party_id);
