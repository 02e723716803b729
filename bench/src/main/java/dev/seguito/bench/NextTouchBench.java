package dev.seguito.bench;

import dev.seguito.SeguitoServer;
import dev.seguito.db.Sql;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.touch.NextTouchService;
import io.vertx.sqlclient.Tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark 3: the next-touch engine on a team of 100,000 contacts and 1,000,000 interactions. Measures the full
 * recomputation ({@code NextTouchService.recomputeTeam}) against the per-contact path it replaced (timed on a sample
 * and extrapolated, so the run stays bounded), and the agenda over HTTP against its SQL alone. Targets: full
 * recomputation under 30 s, agenda p99 under 20 ms.
 *
 * <p>Run: {@code bench/run.sh NextTouchBench} (optional: contacts, interactions).
 */
public final class NextTouchBench {

    private static final int LEGACY_SAMPLE = 2_000;

    public static void main(String[] args) {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int interactions = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Report report = new Report("next-touch");
        try (BenchDatabase db = BenchDatabase.start()) {
            SeguitoServer server = BenchServer.start(db.location());
            try {
                BenchServer.Team team = BenchServer.newTeam(server, "Next touch bench");
                long t0 = System.nanoTime();
                ContactBaseSeeder.Seeded seeded = new ContactBaseSeeder(db, team.id(), 3)
                        .seed(team.memberId(), 9, contacts, interactions);
                report.line(String.format("Seeded %d contacts, %d interactions, %d members (default team policy) with COPY in %.1f s.%n",
                        contacts, interactions, seeded.members().size(), (System.nanoTime() - t0) / 1e9));
                NextTouchService touches = new NextTouchService(server.pool());

                double legacyPerContact = legacy(server, touches, team.id(), seeded.partyIds());
                long b0 = System.nanoTime();
                int recomputed = touches.recomputeTeam(team.id()).await();
                double bulkSeconds = (System.nanoTime() - b0) / 1e9;
                long suggestions = server.pool().query("select count(*) from next_touch").execute().await()
                        .iterator().next().getLong(0);
                // what autovacuum does after 100,000 upserts (threshold 50 + 20 % of the table): statistics, and the
                // visibility map that lets the agenda count from an index alone; the bench measures that steady state
                db.execute("vacuum (analyze) next_touch");
                double legacySeconds = legacyPerContact * recomputed / 1000;

                report.line("| recomputation | contacts | seconds | contacts/s |");
                report.line("|---|---:|---:|---:|");
                report.line(String.format("| per contact (old path; %d-contact sample, extrapolated) | %d | %.1f | %.0f |",
                        LEGACY_SAMPLE, recomputed, legacySeconds, recomputed / legacySeconds));
                report.line(String.format("| recomputeTeam, batched (new path) | %d | %.1f | %.0f |", recomputed, bulkSeconds,
                        recomputed / bulkSeconds));
                report.line("");
                report.line(String.format("- %d suggestions stored. Batched vs per-contact: %.1fx faster; target < 30 s: %s",
                        suggestions, legacySeconds / bulkSeconds, bulkSeconds < 30 ? "MET" : "MISSED"));
                report.line("");

                agenda(report, server, db, team);
            } finally {
                server.close();
            }
        }
        report.save();
        System.exit(0);
    }

    /** The pre-batch path: one transaction per 200 contacts, five round trips per contact. Answers ms per contact. */
    private static double legacy(SeguitoServer server, NextTouchService touches, UUID teamId, List<UUID> ids) {
        List<UUID> sample = ids.subList(0, Math.min(LEGACY_SAMPLE, ids.size()));
        long t0 = System.nanoTime();
        for (int from = 0; from < sample.size(); from += 200) {
            List<UUID> batch = sample.subList(from, Math.min(sample.size(), from + 200));
            server.pool().withTransaction(tx -> dev.seguito.db.Sequential.each(batch,
                    id -> touches.recompute(tx, new ContactRef(teamId, id)))).await();
        }
        return (System.nanoTime() - t0) / 1e6 / sample.size();
    }

    /** The agenda as it was before the count stopped past the page (2026-12-01): the baseline of the same run. */
    private static final String AGENDA_COUNTING_EVERY_ROW = """
            with page as (
                select n.party_id, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by
                  from next_touch n
                 where n.team_id = $1 and n.due_at < $2 and n.rule_id <> 'frequency_cap'
                 order by n.priority, n.due_at, n.party_id
                 limit $3 offset $4)
            select page.party_id, pe.full_name, page.rule_id, page.action, page.channel, page.due_at, page.priority,
                   page.reason, page.touched_by,
                   (select company from current_employer_facts(page.party_id)) as company,
                   (select count(*) from next_touch c where c.team_id = $1 and c.due_at < $2 and c.rule_id <> 'frequency_cap') as total
              from page
              join person pe on pe.party_id = page.party_id
             order by page.priority, page.due_at, page.party_id""";

    private static void agenda(Report report, SeguitoServer server, BenchDatabase db, BenchServer.Team team) {
        String sql = Sql.load("agenda");
        var until = endOfWeek();
        Tuple params = Tuple.of(team.id(), until, 50, 0, 50 + 1_000L);
        Tuple everyRow = Tuple.of(team.id(), until, 50, 0);
        long due = server.pool().preparedQuery(AGENDA_COUNTING_EVERY_ROW).execute(everyRow).await().iterator().next().getLong("total");
        report.line("Agenda: " + due + " suggestions due this week; first page of 50.");
        report.line("");
        AsyncTimer.run("warm-up", 4, 300, i -> server.pool().preparedQuery(sql).execute(params));
        AsyncTimer.run("warm-up", 4, 300, i -> server.pool().preparedQuery(AGENDA_COUNTING_EVERY_ROW).execute(everyRow));
        Map<String, String> auth = Map.of("Authorization", "Bearer " + team.token());
        try (LoadGenerator http = new LoadGenerator(server.port());
             BareAgendaServer bare = new BareAgendaServer(db.location(), 8, params);
             LoadGenerator toBare = new LoadGenerator(bare.port())) {
            http.run("warm-up", 4, 300, 60, 200, i -> LoadGenerator.Call.get("/api/v1/agenda?range=week", auth));
            toBare.run("warm-up", 4, 300, 60, 200, i -> LoadGenerator.Call.get("/agenda", Map.of()));
            report.line(LoadResult.header());
            for (int inFlight : new int[]{1, 8}) {
                LoadResult before = AsyncTimer.run("agenda SQL counting every due row (before)", inFlight, 1000,
                        i -> server.pool().preparedQuery(AGENDA_COUNTING_EVERY_ROW).execute(everyRow));
                LoadResult raw = AsyncTimer.run("agenda SQL only (pool)", inFlight, 1000, i -> server.pool().preparedQuery(sql).execute(params));
                LoadResult bareHttp = toBare.run("bare Vert.x endpoint, same statement and JSON", inFlight, 1000, 120, 200,
                        i -> LoadGenerator.Call.get("/agenda", Map.of()));
                LoadResult api = http.run("GET /api/v1/agenda?range=week", inFlight, 1000, 120, 200,
                        i -> LoadGenerator.Call.get("/api/v1/agenda?range=week", auth));
                report.line(before.row());
                report.line(raw.row());
                report.line(bareHttp.row());
                report.line(api.row());
                report.line(String.format("|  → @%d: SQL now/before throughput %.2f; HTTP/SQL throughput ratio %.2f (bare endpoint %.2f); API/bare %.2f; API p99 %.2f ms (bare %.2f), target < 20 ms: %s | | | | | | | | |",
                        inFlight, raw.throughput() / before.throughput(), api.throughput() / raw.throughput(),
                        bareHttp.throughput() / raw.throughput(), api.throughput() / bareHttp.throughput(), api.p99Ms(),
                        bareHttp.p99Ms(), api.p99Ms() < 20 ? "MET" : "MISSED"));
            }
            taggedAgenda(report, server, db, team, http, auth);
        }
    }

    /** The same bound the service computes for range=week with the default policy (UTC). */
    private static java.time.OffsetDateTime endOfWeek() {
        LocalDate sunday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return sunday.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /**
     * The agenda of the contacts with one tag ({@code sql/agenda_tagged.sql}), against the untagged agenda in the same
     * run: a tag on 1 % of the team (a trade fair's contacts) and one on 10 % (a broad label).
     */
    private static void taggedAgenda(Report report, SeguitoServer server, BenchDatabase db, BenchServer.Team team,
                                     LoadGenerator http, Map<String, String> auth) {
        for (var tag : List.of(Map.entry("Trade fair 2026", 0.01), Map.entry("Key account", 0.02), Map.entry("Warm intro", 0.10))) {
            server.pool().preparedQuery("""
                            insert into party_tag (team_id, party_id, tag, tag_key, added_by, added_at)
                            select team_id, id, $2, $3, $4, now() from party
                             where team_id = $1 and party_type = 'PERSON' and random() < $5""")
                    .execute(Tuple.of(team.id(), tag.getKey(), dev.seguito.touch.FitScorer.key(tag.getKey()),
                            team.memberId(), tag.getValue()))
                    .await();
        }
        db.execute("analyze party_tag");
        var until = endOfWeek();
        if (System.getenv("BENCH_EXPLAIN") != null) {
            for (var plan : List.of(Map.entry("agenda_tagged", "Trade fair 2026"), Map.entry("agenda_broad_tag", "Warm intro"))) {
                for (int i = 0; i < 7; i++) { // past the custom plans, to the generic plan a prepared statement settles on
                    var rows = server.pool().preparedQuery("explain (analyze, buffers) " + Sql.load(plan.getKey()))
                            .execute(Tuple.of(team.id(), until, 50, 0, 1050L, dev.seguito.touch.FitScorer.key(plan.getValue()))).await();
                    if (i == 0 || i == 6) rows.forEach(r -> System.out.println("PLAN " + plan.getKey() + " " + r.getString(0)));
                }
            }
        }
        report.line("");
        report.line("Tagged agenda, its two statements alone (first page of 50, through the pool, 1 in flight): looking up"
                + " each tagged contact's suggestion (`agenda_tagged.sql`) and walking the ranked suggestions"
                + " (`agenda_broad_tag.sql`); the API takes the second from " + dev.seguito.touch.NextTouchService.BROAD_TAG + " tagged contacts.");
        report.line("");
        report.line(LoadResult.header());
        for (String tag : List.of("Trade fair 2026", "Key account", "Warm intro")) {
            long tagged = server.pool().preparedQuery("select count(*) from party_tag where team_id = $1 and tag_key = $2")
                    .execute(Tuple.of(team.id(), dev.seguito.touch.FitScorer.key(tag))).await().iterator().next().getLong(0);
            Tuple params = Tuple.of(team.id(), until, 50, 0, 1050L, dev.seguito.touch.FitScorer.key(tag));
            for (String sql : List.of("agenda_tagged", "agenda_broad_tag")) {
                String statement = Sql.load(sql);
                AsyncTimer.run("warm-up", 1, 100, i -> server.pool().preparedQuery(statement).execute(params));
                report.line(AsyncTimer.run(sql + ".sql, \"" + tag + "\" (" + tagged + " contacts)", 1, 500,
                        i -> server.pool().preparedQuery(statement).execute(params)).row());
            }
        }
        report.line("");
        report.line("Tagged agenda through the API: the same team, a tag on ~1 % of its contacts and one on ~10 %.");
        report.line("");
        report.line(LoadResult.header());
        String untagged = "/api/v1/agenda?range=week";
        String narrow = untagged + "&tag=" + java.net.URLEncoder.encode("Trade fair 2026", java.nio.charset.StandardCharsets.UTF_8);
        String broad = untagged + "&tag=" + java.net.URLEncoder.encode("Warm intro", java.nio.charset.StandardCharsets.UTF_8);
        for (String path : List.of(narrow, broad)) {
            http.run("warm-up", 4, 300, 60, 200, i -> LoadGenerator.Call.get(path, auth));
        }
        for (int inFlight : new int[]{1, 8}) {
            LoadResult plain = http.run("GET " + untagged, inFlight, 1000, 120, 200, i -> LoadGenerator.Call.get(untagged, auth));
            LoadResult few = http.run("GET " + narrow + " (~1 %)", inFlight, 1000, 120, 200, i -> LoadGenerator.Call.get(narrow, auth));
            LoadResult many = http.run("GET " + broad + " (~10 %)", inFlight, 1000, 120, 200, i -> LoadGenerator.Call.get(broad, auth));
            report.line(plain.row());
            report.line(few.row());
            report.line(many.row());
            report.line(String.format("|  → @%d: tagged/untagged throughput %.2f (~1 %%), %.2f (~10 %%); p99 %.2f / %.2f ms (untagged %.2f) | | | | | | | | |",
                    inFlight, few.throughput() / plain.throughput(), many.throughput() / plain.throughput(),
                    few.p99Ms(), many.p99Ms(), plain.p99Ms()));
        }
    }

}
