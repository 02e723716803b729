-- The re-check job (NextTouchService.recheckDue) wants the suggestions whose due date passed after they were
-- computed. next_touch_due_idx held every suggestion, so each run walked all the overdue ones that were already
-- re-checked and are simply waiting for someone to act: 100,000 overdue rows, 47 ms per run to find 10. Indexing
-- only the rows the job wants makes it 0.04 ms (docs/benchmarks.md, section 3).
drop index next_touch_due_idx;
create index next_touch_recheck_idx on next_touch (due_at) where computed_at < due_at;
