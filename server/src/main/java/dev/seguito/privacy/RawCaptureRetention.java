package dev.seguito.privacy;

import dev.seguito.db.PeriodicPurge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Drops the raw captured page ({@code capture.raw}) once it is older than the retention period (default 30 days):
 * the parsed contact stays, the page it came from does not. Runs hourly in every server process ({@link PeriodicPurge}).
 */
public final class RawCaptureRetention implements AutoCloseable {

    private static final String PURGE_BATCH = """
            with batch as (
                select id from capture
                 where raw is not null and received_at < $1
                 order by received_at
                 limit $2
                   for update skip locked)
            update capture c set raw = null, purged_at = now()
              from batch where c.id = batch.id""";

    private final PeriodicPurge purge;

    public RawCaptureRetention(Vertx vertx, Pool pool, Duration retention) {
        this(vertx, pool, retention, () -> OffsetDateTime.now(ZoneOffset.UTC));
    }

    RawCaptureRetention(Vertx vertx, Pool pool, Duration retention, Supplier<OffsetDateTime> clock) {
        this.purge = new PeriodicPurge(vertx, pool, "raw captured pages", PURGE_BATCH, retention, clock);
    }

    /** Runs once shortly after start, then every {@code period}. */
    public RawCaptureRetention start(Duration period) {
        purge.start(period);
        return this;
    }

    /** Purges every raw capture older than the retention, batch by batch; answers how many were purged. */
    public Future<Integer> runOnce() {
        return purge.runOnce();
    }

    @Override
    public void close() {
        purge.close();
    }
}
