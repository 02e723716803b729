package dev.seguito.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Counts per key in one-minute windows of the clock, shared by every server process on the database, for limits that
 * must hold however many processes a balancer spreads the requests over (requests per token, wrong pairing codes).
 * A request never waits on the database: each process counts in memory and, once a second, adds what it counted to
 * {@code request_window} and reads back every process's total. A key's count is that total plus what this process
 * counted since, so a limit is overrun by at most about a second of the other processes' traffic. While PostgreSQL
 * is unreachable each process goes on counting alone, and shares what it counted once it is back. A share whose
 * answer is lost with its connection is sent again, so a count can come out too high, never too low.
 */
public final class SharedWindows implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SharedWindows.class);
    private static final long MINUTE_MILLIS = 60_000;
    /** Keys sorted, so two processes adding to the same keys lock their rows in one order and never deadlock. */
    private static final String SHARE = """
            insert into request_window (key, window_minute, count)
            select key, $1, added from unnest($2::text[], $3::int[]) as counted(key, added)
            on conflict (key, window_minute) do update set count = request_window.count + excluded.count
            returning key, count""";
    private static final String FORGET = "delete from request_window where window_minute < $1";

    private final LongSupplier clock;
    private volatile Window window;
    private volatile boolean sharing;
    private volatile long forgotten = -1;
    private volatile boolean unreachable;
    private Vertx vertx;
    private long timerId = -1;

    /** @param clock milliseconds since the epoch: the windows are its minutes */
    public SharedWindows(LongSupplier clock) {
        this.clock = clock;
        this.window = new Window(minute());
    }

    /** Counts on the system clock, shared through {@code db} every second. */
    public static SharedWindows start(Vertx vertx, SqlClient db) {
        SharedWindows windows = new SharedWindows(System::currentTimeMillis);
        windows.vertx = vertx;
        windows.timerId = vertx.setPeriodic(1_000, id -> windows.share(db));
        return windows;
    }

    /** How many were counted for {@code key} in this minute, by every process. */
    public int count(String key) {
        Count c = current().counts.get(key);
        return c == null ? 0 : c.total();
    }

    /** Counts one more for {@code key} in this minute; answers the count with it. */
    public int add(String key) {
        return current().counts.computeIfAbsent(key, k -> new Count()).add();
    }

    /** Seconds until this minute's window ends (at least 1): what a refused client should wait. */
    public long secondsLeft() {
        long now = clock.getAsLong();
        long end = (Math.floorDiv(now, MINUTE_MILLIS) + 1) * MINUTE_MILLIS;
        return Math.max(1, (end - now + 999) / 1000);
    }

    /**
     * Adds this process's counts of this minute to the shared ones and reads back the totals; the timer calls it
     * every second. One share at a time; a failed one keeps its counts for the next.
     */
    public Future<Void> share(SqlClient db) {
        Window w = current();
        if (sharing || w.counts.isEmpty()) {
            return Future.succeededFuture();
        }
        sharing = true;
        List<String> keys = new ArrayList<>(new TreeSet<>(w.counts.keySet()));
        List<Count> counts = keys.stream().map(w.counts::get).toList();
        Integer[] sent = counts.stream().map(Count::send).toArray(Integer[]::new);
        return forgetOldWindows(db, w.minute)
                .compose(v -> db.preparedQuery(SHARE).execute(Tuple.of(w.minute, keys.toArray(new String[0]), sent)))
                .map(rows -> {
                    Map<String, Integer> totals = new HashMap<>();
                    for (Row r : rows) {
                        totals.put(r.getString("key"), r.getInteger("count"));
                    }
                    for (int k = 0; k < keys.size(); k++) {
                        counts.get(k).shared(totals.get(keys.get(k)), sent[k]);
                    }
                    if (unreachable) {
                        unreachable = false;
                        LOG.info("Request counts are shared with the other server processes again");
                    }
                    return (Void) null;
                })
                .onFailure(e -> {
                    for (int k = 0; k < keys.size(); k++) {
                        counts.get(k).notShared(sent[k]);
                    }
                    if (!unreachable) {
                        unreachable = true;
                        LOG.warn("Request counts cannot be shared ({}); each server process counts alone meanwhile",
                                e.getMessage());
                    }
                })
                .onComplete(done -> sharing = false);
    }

    /** Once a minute, the windows before the last one go: nothing reads them. */
    private Future<Void> forgetOldWindows(SqlClient db, long minute) {
        if (forgotten == minute) {
            return Future.succeededFuture();
        }
        return db.preparedQuery(FORGET).execute(Tuple.of(minute - 1)).map(rows -> {
            forgotten = minute;
            return null;
        });
    }

    private Window current() {
        Window w = window;
        long minute = minute();
        if (w.minute == minute) {
            return w;
        }
        synchronized (this) {
            if (window.minute != minute) {
                window = new Window(minute);
            }
            return window;
        }
    }

    private long minute() {
        return Math.floorDiv(clock.getAsLong(), MINUTE_MILLIS);
    }

    @Override
    public void close() {
        if (vertx != null && timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private record Window(long minute, Map<String, Count> counts) {
        Window(long minute) {
            this(minute, new ConcurrentHashMap<>());
        }
    }

    /**
     * One key's count: every process's total when last shared, what is being shared now, and what was counted here
     * since. Moving a count from one part to the next adds before it subtracts, so a read in between counts too many,
     * never too few.
     */
    private static final class Count {
        private final AtomicInteger unshared = new AtomicInteger();
        private final AtomicInteger sending = new AtomicInteger();
        private volatile int shared;

        int total() {
            return shared + sending.get() + unshared.get();
        }

        int add() {
            return unshared.incrementAndGet() + shared + sending.get();
        }

        int send() {
            int n = unshared.get();
            sending.addAndGet(n);
            unshared.addAndGet(-n);
            return n;
        }

        void shared(Integer total, int sent) {
            if (total != null) {
                shared = total;
            }
            sending.addAndGet(-sent);
        }

        void notShared(int sent) {
            unshared.addAndGet(sent);
            sending.addAndGet(-sent);
        }
    }
}
