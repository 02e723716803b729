-- Counts in one-minute windows shared by every server process (SharedWindows): requests per token (the rate limit)
-- and wrong pairing codes per client address and in all (the pairing throttle). Without them each process counted
-- alone, and N processes behind a balancer let a token, or a guesser of pairing codes, go N times as fast.
-- Not a team's data: a client guessing a pairing code belongs to no team. Unlogged: a count lives two minutes, and
-- losing this minute's counts in a crash of PostgreSQL costs nothing a WAL record should be written for.
create unlogged table request_window (
    key           text    not null,
    window_minute bigint  not null, -- minutes since 1970-01-01 UTC
    count         integer not null,
    primary key (key, window_minute)
);
