-- A capture that arrived gzip-compressed (the extension compresses every body above 32 KB) is kept as the bytes that
-- arrived: the request's JSON, gzip. Compressing the page again cost ~2 ms of CPU per capture for the same bytes
-- (docs/benchmarks.md, section 2). 'page' rows hold the page itself (gzip, or UTF-8 text before V9).
alter table capture add column raw_format text not null default 'page' check (raw_format in ('page', 'request'));
