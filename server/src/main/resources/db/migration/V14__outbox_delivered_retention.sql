-- Delivered outbox rows are deleted 30 days after delivery (OutboxRetention): the index finds them oldest first
-- without reading the rows still to deliver, and keeps the purge one index range per batch.
create index outbox_delivered_idx on outbox (delivered_at) where delivered_at is not null;
