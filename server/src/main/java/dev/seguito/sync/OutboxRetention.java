package dev.seguito.sync;

import dev.seguito.db.PeriodicPurge;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Deletes outbox rows {@link #KEEP_DELIVERED} after their delivery. A delivered row has done its work (the CRM holds
 * the change, and a row only ever named what changed); kept forever, every capture and import would grow the table,
 * and with it the admin page's counts, for good. Rows still to deliver and dead letters are never deleted: those
 * need someone. Runs hourly in every server process ({@link PeriodicPurge}).
 */
public final class OutboxRetention {

    /** How long a delivered row stays: the admin page's "delivered" counts this window. */
    public static final Duration KEEP_DELIVERED = Duration.ofDays(30);

    private static final String PURGE_BATCH = """
            delete from outbox o
             using (select id from outbox
                     where delivered_at < $1
                     order by delivered_at
                     limit $2
                       for update skip locked) batch
             where o.id = batch.id""";

    private OutboxRetention() {
    }

    /** The job, not yet started ({@link PeriodicPurge#start}). */
    public static PeriodicPurge of(Vertx vertx, Pool pool) {
        return of(vertx, pool, KEEP_DELIVERED, () -> OffsetDateTime.now(ZoneOffset.UTC));
    }

    static PeriodicPurge of(Vertx vertx, Pool pool, Duration keep, Supplier<OffsetDateTime> clock) {
        return new PeriodicPurge(vertx, pool, "delivered outbox rows", PURGE_BATCH, keep, clock);
    }
}
