-- Time alone changes some suggestions (a 24/7/30 step lapses, a cap window ends): the re-check job looks for rows
-- whose due date passed after they were computed.
create index next_touch_due_idx on next_touch (due_at);
