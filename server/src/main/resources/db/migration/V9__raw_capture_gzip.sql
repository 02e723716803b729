-- Raw captures are stored as gzip bytes compressed by the server (RawPages): PostgreSQL's pglz compression of a
-- 400 KB page cost 7–23 ms inside every capture transaction (docs/benchmarks.md, section 2). Rows written before
-- keep their text as UTF-8 bytes; readers tell them apart by the gzip magic number. External storage: the bytes are
-- compressed already, so PostgreSQL must not try again.
alter table capture alter column raw type bytea using convert_to(raw, 'UTF8');
alter table capture alter column raw set storage external;
