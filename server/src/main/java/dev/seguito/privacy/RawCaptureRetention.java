package dev.seguito.privacy;

import dev.seguito.db.PeriodicPurge;
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
public final class RawCaptureRetention {

    private static final String PURGE_BATCH = """
            with batch as (
                select id from capture
                 where raw is not null and received_at < $1
                 order by received_at
                 limit $2
                   for update skip locked)
            update capture c set raw = null, purged_at = now()
              from batch where c.id = batch.id""";

    private RawCaptureRetention() {
    }

    /** The job, not yet started ({@link PeriodicPurge#start}). */
    public static PeriodicPurge of(Vertx vertx, Pool pool, Duration retention) {
        return of(vertx, pool, retention, () -> OffsetDateTime.now(ZoneOffset.UTC));
    }

    static PeriodicPurge of(Vertx vertx, Pool pool, Duration retention, Supplier<OffsetDateTime> clock) {
        return new PeriodicPurge(vertx, pool, "raw captured pages", PURGE_BATCH, retention, clock);
    }
}
