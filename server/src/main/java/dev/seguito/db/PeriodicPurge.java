package dev.seguito.db;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/**
 * Drops what is older than a retention period, batch by batch, shortly after start and then on a timer, in every
 * server process. The statement takes its batch with {@code FOR UPDATE SKIP LOCKED}, so several processes share the
 * work without waiting on each other, and one run does at most {@link #MAX_BATCHES_PER_RUN} batches, so it stays short.
 */
public final class PeriodicPurge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicPurge.class);
    public static final int BATCH = 500;
    /** One run purges at most this many batches; the next run continues. */
    public static final int MAX_BATCHES_PER_RUN = 200;

    private final Vertx vertx;
    private final Pool pool;
    private final String what;
    private final String batchStatement;
    private final Duration retention;
    private final Supplier<OffsetDateTime> clock;
    private long timerId = -1;
    private boolean running;

    /**
     * @param what           what is purged, for the log ("raw pages", "delivered outbox rows")
     * @param batchStatement purges one batch: {@code $1} is the cutoff (older than it goes), {@code $2} the batch size;
     *                       its row count is the number purged
     */
    public PeriodicPurge(Vertx vertx, Pool pool, String what, String batchStatement, Duration retention,
                         Supplier<OffsetDateTime> clock) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("The retention of " + what + " cannot be negative");
        }
        this.vertx = vertx;
        this.pool = pool;
        this.what = what;
        this.batchStatement = batchStatement;
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs once within a minute of start, then every {@code period}. */
    public PeriodicPurge start(Duration period) {
        timerId = vertx.setPeriodic(Math.min(60_000, period.toMillis()), period.toMillis(), id -> {
            if (running) {
                return;
            }
            running = true;
            runOnce().onComplete(result -> {
                running = false;
                if (result.succeeded() && result.result() > 0) {
                    LOG.info("Retention: dropped {} {} older than {} days", result.result(), what, retention.toDays());
                } else if (result.failed()) {
                    LOG.warn("Retention of {} failed (will retry): {}", what, result.cause().getMessage());
                }
            });
        });
        return this;
    }

    /** Purges everything older than the retention, batch by batch; answers how much was purged. */
    public Future<Integer> runOnce() {
        return batches(clock.get().minus(retention), 0, 0);
    }

    private Future<Integer> batches(OffsetDateTime cutoff, int done, int round) {
        if (round >= MAX_BATCHES_PER_RUN) {
            return Future.succeededFuture(done);
        }
        return pool.withTransaction(tx -> tx.preparedQuery(batchStatement).execute(Tuple.of(cutoff, BATCH))
                        .map(rows -> rows.rowCount()))
                .compose(n -> n < BATCH ? Future.succeededFuture(done + n) : batches(cutoff, done + n, round + 1));
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
