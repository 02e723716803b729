package dev.seguito.touch;

import dev.seguito.db.Transactions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Recomputes every active contact of one team in batches: three reads per batch (facts, timelines, marks, each for
 * all the batch's contacts at once), the pure {@link NextTouchEngine} per contact, and batched writes. The
 * per-contact path needed five round trips per contact, about 40 minutes of round trips for a 100,000-contact team
 * (docs/benchmarks.md); the inputs and the answers are the same.
 */
final class TeamRecompute {

    static final int BATCH = 1000;
    /** Batches in flight at once, each on its own pooled connection: the database works while Java decides. */
    static final int LANES = 3;

    private static final String FACTS = NextTouchService.factsSql("p.id = any($1)");
    private static final String TIMELINES = "select ep.party_id as contact_id, " + NextTouchService.TIMELINE_COLUMNS
            + " where ep.party_id = any($1) order by e.started_at";
    private static final String MARKS = "select party_id, " + NextTouchService.MARK_COLUMNS
            + " where party_id = any($1) order by created_at";
    private static final String DELETE_MANY = "delete from next_touch where party_id = any($1)";

    private final Pool pool;
    private final UUID teamId;

    TeamRecompute(Pool pool, UUID teamId) {
        this.pool = pool;
        this.teamId = teamId;
    }

    Future<Integer> run() {
        return pool.preparedQuery("select id from party where team_id = $1 and party_type = 'PERSON' and status = 'ACTIVE'")
                .execute(Tuple.of(teamId))
                .compose(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    // lane k takes batches k, k + LANES, …; batches touch disjoint contacts, so lanes never conflict
                    List<Future<Void>> lanes = new ArrayList<>();
                    for (int lane = 0; lane < LANES; lane++) {
                        Future<Void> chain = Future.succeededFuture();
                        for (int from = lane * BATCH; from < ids.size(); from += LANES * BATCH) {
                            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
                            chain = chain.compose(v -> Transactions.withRetry(pool, tx -> batch(tx, batch)));
                        }
                        lanes.add(chain);
                    }
                    return Future.all(lanes).map(ids.size());
                });
    }

    /**
     * The three reads do not depend on each other, so they are sent together (the client pipelines them on the
     * connection): one wait instead of three, inside every capture's transaction. The writes likewise. Answers come
     * back in order, so a failed transaction reports the statement that failed first.
     */
    Future<Void> batch(SqlConnection tx, List<UUID> ids) {
        UUID[] array = ids.toArray(new UUID[0]);
        Tuple byIds = Tuple.of(array);
        Future<RowSet<Row>> facts = tx.preparedQuery(FACTS).execute(Tuple.of(array, teamId));
        Future<RowSet<Row>> timelines = tx.preparedQuery(TIMELINES).execute(byIds);
        Future<RowSet<Row>> marks = tx.preparedQuery(MARKS).execute(byIds);
        return Future.all(facts, timelines, marks)
                .compose(read -> store(tx, ids, facts.result(), timelines.result(), marks.result()));
    }

    private Future<Void> store(SqlConnection tx, List<UUID> ids, RowSet<Row> facts, RowSet<Row> timelines,
                               RowSet<Row> marks) {
        Map<UUID, List<Interaction>> interactions = new HashMap<>();
        for (Row r : timelines) {
            interactions.computeIfAbsent(r.getUUID("contact_id"), k -> new ArrayList<>()).add(NextTouchService.interaction(r));
        }
        Map<UUID, List<Row>> markRows = new HashMap<>();
        for (Row r : marks) {
            markRows.computeIfAbsent(r.getUUID("party_id"), k -> new ArrayList<>()).add(r);
        }
        Instant now = Instant.now();
        TeamPolicy policy = null;
        List<Tuple> fits = new ArrayList<>();
        List<UUID> suggested = new ArrayList<>();
        List<Suggestion> suggestions = new ArrayList<>();
        List<UUID> deletes = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Row r : facts) {
            UUID id = r.getUUID("id");
            seen.add(id);
            if (policy == null) {
                policy = TeamPolicies.parse((JsonObject) r.getValue("policy"));
            }
            NextTouchService.Inputs in = NextTouchService.inputs(r, policy, interactions.getOrDefault(id, List.of()),
                    NextTouchService.state(markRows.getOrDefault(id, List.of())));
            Optional<Suggestion> suggestion = NextTouchService.decide(in, now);
            Float stored = r.getFloat("fit_score");
            Float fit = in.fitScore() == null ? null : in.fitScore().floatValue();
            if (!Objects.equals(stored, fit)) {
                fits.add(NextTouchService.fitTuple(id, in.fitScore())); // an unchanged score needs no write
            }
            if (suggestion.isPresent()) {
                suggested.add(id);
                suggestions.add(suggestion.get());
            } else {
                deletes.add(id);
            }
        }
        ids.stream().filter(id -> !seen.contains(id)).forEach(deletes::add); // merged or deleted meanwhile
        // each write touches other rows of other contacts or tables: sent together, like the reads
        List<Future<?>> written = new ArrayList<>();
        if (!fits.isEmpty()) {
            written.add(tx.preparedQuery(NextTouchService.UPDATE_FIT).executeBatch(fits));
        }
        if (!suggestions.isEmpty()) {
            written.add(NextTouchService.upsert(tx, teamId, suggested, suggestions));
        }
        if (!deletes.isEmpty()) {
            written.add(tx.preparedQuery(DELETE_MANY).execute(Tuple.of(deletes.toArray(new UUID[0]))));
        }
        return Future.all(written).mapEmpty();
    }
}
