package dev.seguito.bench;

import dev.seguito.SeguitoServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Where PostgreSQL's time per capture goes, statement by statement (pg_stat_statements): the same generated pages as
 * {@link CaptureBench}, captured as new people into an empty team and into a team with a base of 50,000 contacts,
 * after the same warm-up. Not a throughput benchmark (the statistics cost a little themselves); it says which
 * statements a faster capture would have to change.
 *
 * <p>Run: {@code bench/run.sh CaptureStatementsBench} (optional: pages, requests in flight).
 */
public final class CaptureStatementsBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Report report = new Report("capture-statements");
        List<LinkedInPageGenerator.Page> pages = CaptureBench.generatedPages(count);
        try (BenchDatabase db = BenchDatabase.startWithStatementStats()) {
            SeguitoServer server = BenchServer.start(db.location());
            try (LoadGenerator http = new LoadGenerator(server.port())) {
                for (int round = 0; round < 3; round++) {
                    List<LoadGenerator.Call> warmUp = CaptureBench.captures(pages, count, 0,
                            BenchServer.newTeam(server, "Warm-up " + round), CaptureBench.Form.PAGE);
                    http.run("warm-up", inFlight, warmUp.size(), 300, 201, i -> warmUp.get((int) i));
                }
                measure(report, "an empty team", db, http, inFlight, pages, BenchServer.newTeam(server, "Empty"));
                BenchServer.Team large = BenchServer.newTeam(server, "Large base");
                ContactBaseSeeder seeder = new ContactBaseSeeder(db, large.id(), 7);
                seeder.addCaptures(seeder.seed(large.memberId(), 4, CaptureBench.LARGE_BASE, CaptureBench.LARGE_BASE * 2));
                db.execute("vacuum analyze");
                db.execute("checkpoint");
                measure(report, "a base of " + CaptureBench.LARGE_BASE + " contacts", db, http, inFlight, pages, large);
            } finally {
                server.close();
            }
        }
        report.save();
        System.exit(0);
    }

    private static void measure(Report report, String label, BenchDatabase db, LoadGenerator http, int inFlight,
                                List<LinkedInPageGenerator.Page> pages, BenchServer.Team team) throws Exception {
        List<LoadGenerator.Call> calls = CaptureBench.captures(pages, pages.size(), 0, team, CaptureBench.Form.PAGE);
        Thread.sleep(2000); // let the warm-up's CRM deliveries finish outside the window
        db.execute("select pg_stat_statements_reset()");
        LoadResult run = http.run("captures into " + label, inFlight, calls.size(), 300, 201, i -> calls.get((int) i));
        Thread.sleep(3000); // and these captures' deliveries inside it
        report.line("");
        report.line(LoadResult.header());
        report.line(run.row());
        report.line("");
        report.line("| calls | ms per capture | ms per call | rows | statement |");
        report.line("|---:|---:|---:|---:|---|");
        double total = 0;
        long statements = 0;
        try (Connection c = db.jdbc(); ResultSet rs = c.createStatement().executeQuery("""
                select calls, total_exec_time, rows, regexp_replace(left(query, 100), '\\s+', ' ', 'g')
                  from pg_stat_statements where query not like '%pg_stat_statements%'
                 order by total_exec_time desc""")) {
            int shown = 0;
            while (rs.next()) {
                total += rs.getDouble(2);
                statements += rs.getLong(1);
                if (shown++ < 25) {
                    report.line(String.format("| %d | %.3f | %.3f | %d | `%s` |", rs.getLong(1), rs.getDouble(2) / calls.size(),
                            rs.getDouble(2) / rs.getLong(1), rs.getLong(3), rs.getString(4).replace("|", "\\|")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        report.line(String.format("%nAll statements: %.2f ms of execution per capture, %.1f statements per capture (%s; "
                + "CRM delivery included, BEGIN and COMMIT too).", total / calls.size(), (double) statements / calls.size(), label));
    }
}
