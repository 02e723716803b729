package dev.seguito.sync;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers outbox rows to the CRM connector: at least once, oldest first and one at a time per contact, retried with
 * exponential back-off, dead-lettered with the reason after a permanent failure or too many attempts. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of server processes share the work; a process that dies
 * mid-delivery releases its claim with its connection and another delivers again, which the connector's external
 * ids make harmless.
 */
public final class OutboxWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    static final int BATCH = 20;
    static final int MAX_ATTEMPTS = 25;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

    /**
     * The oldest pending row of each contact only (per-contact order), oldest first. "Oldest of its contact" is a
     * scalar sub-select, one probe of outbox_aggregate_idx per candidate: written as NOT EXISTS it became an anti
     * join that, with statistics still counting an empty outbox after a bulk import, compared every pending row with
     * every other (50 s per claim at 15,000 rows).
     */
    private static final String CLAIM = """
            select o.id, o.aggregate_id, o.kind, o.payload, o.attempts
              from outbox o
             where o.delivered_at is null and o.dead_at is null and o.available_at <= now()
               and o.id = (select min(earlier.id) from outbox earlier
                            where earlier.aggregate_id = o.aggregate_id
                              and earlier.delivered_at is null and earlier.dead_at is null)
             order by o.id
             limit $1
               for update skip locked""";

    /**
     * The contact's later CONTACT_UPSERT rows, up to its next change of another kind, locked. Each was committed
     * before the record is loaded, and a record carries the contact as it is at loading time, so the record sent for
     * the oldest row already says what the later rows announce: a contact captured ten times while the CRM was down
     * is sent once, not ten times, and never ahead of an interaction or a deletion queued between.
     */
    private static final String LATER_UPSERTS = """
            select o.id
              from outbox o
             where o.aggregate_id = $1 and o.id > $2 and o.kind = 'CONTACT_UPSERT'
               and o.delivered_at is null and o.dead_at is null
               and o.id < coalesce((select min(other.id) from outbox other
                                     where other.aggregate_id = $1 and other.id > $2 and other.kind <> 'CONTACT_UPSERT'
                                       and other.delivered_at is null and other.dead_at is null),
                                   9223372036854775807)
               for update skip locked""";

    private final Vertx vertx;
    private final Pool pool;
    private final CrmConnector connector;
    private final long pollMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private long timer = -1;

    public OutboxWorker(Vertx vertx, Pool pool, CrmConnector connector, long pollMillis) {
        this.vertx = vertx;
        this.pool = pool;
        this.connector = connector;
        this.pollMillis = pollMillis;
    }

    public OutboxWorker start() {
        timer = vertx.setPeriodic(pollMillis, id -> drain());
        return this;
    }

    public String connectorName() {
        return connector.name();
    }

    /** Delivers batches until nothing is due; overlapping calls in one process are folded into one. */
    public Future<Integer> drain() {
        if (closed || !running.compareAndSet(false, true)) {
            return Future.succeededFuture(0);
        }
        return drainFrom(0).onComplete(r -> running.set(false));
    }

    private Future<Integer> drainFrom(int sofar) {
        return deliverBatch().compose(n -> n == BATCH && !closed ? drainFrom(sofar + n) : Future.succeededFuture(sofar + n))
                .recover(e -> {
                    LOG.warn("Outbox delivery paused: {}", e.getMessage());
                    return Future.succeededFuture(sofar);
                });
    }

    /** Claims up to one batch and delivers it within the claiming transaction. */
    Future<Integer> deliverBatch() {
        return pool.withTransaction(tx -> tx.preparedQuery(CLAIM).execute(Tuple.of(BATCH)).compose(rows -> {
            List<Row> claimed = new ArrayList<>();
            rows.forEach(claimed::add);
            Future<Void> chain = Future.succeededFuture();
            for (Row row : claimed) {
                chain = chain.compose(v -> deliverOne(tx, row));
            }
            return chain.map(claimed.size());
        }));
    }

    private Future<Void> deliverOne(SqlConnection tx, Row row) {
        long id = row.getLong("id");
        String kind = row.getString("kind");
        return laterUpserts(tx, kind, row.getUUID("aggregate_id"), id)
                .compose(superseded -> send(tx, kind, (JsonObject) row.getValue("payload"))
                        .compose(result -> settle(tx, id, row.getInteger("attempts") + 1, superseded, result)));
    }

    private Future<CrmResult> send(SqlConnection tx, String kind, JsonObject payload) {
        return SyncRecordLoader.load(tx, kind, payload)
                .compose(record -> record == null ? Future.succeededFuture(CrmResult.delivered()) : connector.deliver(record))
                .recover(e -> Future.succeededFuture(CrmResult.retryable(String.valueOf(e.getMessage()))));
    }

    /** Records the outcome; rows superseded by this one are delivered with it, and otherwise stay as they are. */
    private static Future<Void> settle(SqlConnection tx, long id, int attempts, Long[] superseded, CrmResult result) {
        if (result.isDelivered()) {
            return tx.preparedQuery("""
                            update outbox set delivered_at = now(), last_error = null,
                                   attempts = case when id = $1 then $2 else attempts end
                             where id = $1 or id = any($3)""")
                    .execute(Tuple.of(id, attempts, superseded)).mapEmpty();
        }
        if (result.isPermanent() || attempts >= MAX_ATTEMPTS) {
            LOG.warn("Outbox row {} dead-lettered after {} attempts: {}", id, attempts, result.reason());
            return tx.preparedQuery("update outbox set dead_at = now(), attempts = $2, last_error = $3 where id = $1")
                    .execute(Tuple.of(id, attempts, result.reason())).mapEmpty();
        }
        return tx.preparedQuery("""
                        update outbox set attempts = $2, last_error = $3,
                               available_at = now() + make_interval(secs => $4) where id = $1""")
                .execute(Tuple.of(id, attempts, result.reason(), (double) backoff(attempts).toSeconds())).mapEmpty();
    }

    /** The ids of {@link #LATER_UPSERTS} when the claimed row is a contact upsert; none for any other kind. */
    private static Future<Long[]> laterUpserts(SqlConnection tx, String kind, UUID contact, long id) {
        if (!"CONTACT_UPSERT".equals(kind)) {
            return Future.succeededFuture(new Long[0]);
        }
        return tx.preparedQuery(LATER_UPSERTS).execute(Tuple.of(contact, id))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong(0)));
                    return ids.toArray(new Long[0]);
                });
    }

    /** 2 s, 4 s, 8 s … capped at 30 minutes. */
    static Duration backoff(int attempts) {
        long seconds = 1L << Math.min(attempts, 20);
        return seconds > MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    @Override
    public void close() {
        closed = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
