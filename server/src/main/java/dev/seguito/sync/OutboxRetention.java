package dev.seguito.sync;

import dev.seguito.db.PeriodicPurge;
import io.vertx.core.Future;
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
public final class OutboxRetention implements AutoCloseable {

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

    private final PeriodicPurge purge;

    public OutboxRetention(Vertx vertx, Pool pool) {
        this(vertx, pool, KEEP_DELIVERED, () -> OffsetDateTime.now(ZoneOffset.UTC));
    }

    OutboxRetention(Vertx vertx, Pool pool, Duration keep, Supplier<OffsetDateTime> clock) {
        this.purge = new PeriodicPurge(vertx, pool, "delivered outbox rows", PURGE_BATCH, keep, clock);
    }

    /** Runs once shortly after start, then every {@code period}. */
    public OutboxRetention start(Duration period) {
        purge.start(period);
        return this;
    }

    /** Deletes every row delivered before the window, batch by batch; answers how many. */
    public Future<Integer> runOnce() {
        return purge.runOnce();
    }

    @Override
    public void close() {
        purge.close();
    }
}
