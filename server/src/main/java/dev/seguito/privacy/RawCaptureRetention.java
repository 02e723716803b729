package dev.seguito.privacy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Drops the raw captured page ({@code capture.raw}) once it is older than the retention period (default 30 days):
 * the parsed contact stays, the page it came from does not. Runs hourly in every server process; batches are taken
 * with {@code FOR UPDATE SKIP LOCKED}, so several processes share the work without waiting on each other.
 */
public final class RawCaptureRetention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RawCaptureRetention.class);
    static final int BATCH = 500;
    /** One run purges at most this many batches; the next run continues. Keeps a run short and bounded. */
    static final int MAX_BATCHES_PER_RUN = 200;

    private final Vertx vertx;
    private final Pool pool;
    private final Duration retention;
    private final Supplier<OffsetDateTime> clock;
    private long timerId = -1;
    private boolean running;

    public RawCaptureRetention(Vertx vertx, Pool pool, Duration retention) {
        this(vertx, pool, retention, () -> OffsetDateTime.now(ZoneOffset.UTC));
    }

    RawCaptureRetention(Vertx vertx, Pool pool, Duration retention, Supplier<OffsetDateTime> clock) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("The raw capture retention cannot be negative");
        }
        this.vertx = vertx;
        this.pool = pool;
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs once shortly after start, then every {@code period}. */
    public RawCaptureRetention start(Duration period) {
        timerId = vertx.setPeriodic(Math.min(60_000, period.toMillis()), period.toMillis(), id -> {
            if (running) {
                return;
            }
            running = true;
            runOnce().onComplete(result -> {
                running = false;
                if (result.succeeded() && result.result() > 0) {
                    LOG.info("Raw capture retention: dropped the raw page of {} captures older than {} days",
                            result.result(), retention.toDays());
                } else if (result.failed()) {
                    LOG.warn("Raw capture retention run failed (will retry): {}", result.cause().getMessage());
                }
            });
        });
        return this;
    }

    /** Purges every raw capture older than the retention, batch by batch; answers how many were purged. */
    public Future<Integer> runOnce() {
        return batches(clock.get().minus(retention), 0, 0);
    }

    private Future<Integer> batches(OffsetDateTime cutoff, int done, int round) {
        if (round >= MAX_BATCHES_PER_RUN) {
            return Future.succeededFuture(done);
        }
        return purgeBatch(cutoff).compose(n -> n < BATCH ? Future.succeededFuture(done + n)
                : batches(cutoff, done + n, round + 1));
    }

    private Future<Integer> purgeBatch(OffsetDateTime cutoff) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        with batch as (
                            select id from capture
                             where raw is not null and received_at < $1
                             order by received_at
                             limit $2
                               for update skip locked)
                        update capture c set raw = null, purged_at = now()
                          from batch where c.id = batch.id""")
                .execute(Tuple.of(cutoff, BATCH))
                .map(rows -> rows.rowCount()));
    }

    @Override
    public void close() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
