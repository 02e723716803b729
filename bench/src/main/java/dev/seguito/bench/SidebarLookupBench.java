package dev.seguito.bench;

import dev.seguito.SeguitoServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Benchmark 1: the side panel's {@code GET /api/v1/contacts/lookup} on a team of 20,000 contacts, against
 * {@link BareLookupServer} on the same database in the same run. Targets: at least 60 % of the bare endpoint's
 * throughput, and p99 under 10 ms at 16 requests in flight.
 *
 * <p>Run: {@code bench/run.sh SidebarLookupBench} (optional: contacts, requests per run).
 */
public final class SidebarLookupBench {

    private static final int MODERATE = 16;
    private static final int SATURATION = 64;

    public static void main(String[] args) {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Report report = new Report("sidebar-lookup");
        try (BenchDatabase db = BenchDatabase.start()) {
            SeguitoServer server = BenchServer.start(db.location());
            BenchServer.Team team = BenchServer.newTeam(server, "Lookup bench");
            long t0 = System.nanoTime();
            ContactBaseSeeder.Seeded seeded = new ContactBaseSeeder(db, team.id(), 1).seed(team.memberId(), 4, contacts, contacts * 3);
            report.line(String.format("Seeded %d contacts (%d with email), %d interactions in %.1f s.%n", contacts,
                    seeded.emails().size(), contacts * 3, (System.nanoTime() - t0) / 1e9));
            try (BareLookupServer bare = new BareLookupServer(db.location(), team.id(), 8);
                 LoadGenerator toSeguito = new LoadGenerator(server.port());
                 LoadGenerator toBare = new LoadGenerator(bare.port())) {
                Map<String, String> auth = Map.of("Authorization", "Bearer " + team.token());
                LongFunction<LoadGenerator.Call> seguitoSlug = calls(seeded.slugs(), 7,
                        SidebarLookupBench::lookupBySlug, auth);
                LongFunction<LoadGenerator.Call> seguitoEmail = calls(seeded.emails(), 8,
                        e -> "/api/v1/contacts/lookup?email=" + enc(e), auth);
                LongFunction<LoadGenerator.Call> bareSlug = calls(seeded.slugs(), 7, s -> "/lookup?slug=" + enc(s), Map.of());
                LongFunction<LoadGenerator.Call> bareEmail = calls(seeded.emails(), 8, e -> "/lookup?email=" + enc(e), Map.of());

                // warm-up: JIT, prepared statements and pools; then every contact is looked up once, as a team's panels
                // in daily use have seen the people they work with, so Seguito's kept cards are all current
                toBare.run("warm-up", MODERATE, requests / 2, 60, 200, bareSlug);
                toSeguito.run("warm-up", MODERATE, requests / 2, 60, 200, seguitoSlug);
                toBare.run("warm-up", MODERATE, requests / 4, 60, 200, bareEmail);
                toSeguito.run("warm-up", MODERATE, requests / 4, 60, 200, seguitoEmail);
                toSeguito.run("every card once", MODERATE, seeded.slugs().size(), 120, 200,
                        i -> LoadGenerator.Call.get(lookupBySlug(seeded.slugs().get((int) i)), auth));

                List<LoadResult> results = new ArrayList<>();
                for (int inFlight : new int[]{MODERATE, SATURATION}) {
                    results.add(toBare.run("bare linkedin_slug", inFlight, requests, 60, 200, bareSlug));
                    results.add(toSeguito.run("seguito ?linkedinUrl=", inFlight, requests, 60, 200, seguitoSlug));
                    results.add(toBare.run("bare email", inFlight, requests, 60, 200, bareEmail));
                    results.add(toSeguito.run("seguito ?email=", inFlight, requests, 60, 200, seguitoEmail));
                }
                // the other extreme: every card changed since it was kept (as after a whole-team recomputation that
                // moved every suggestion), so each first look-up builds the card again
                LoadResult bareAgain = toBare.run("bare linkedin_slug", MODERATE, requests, 60, 200, bareSlug);
                db.execute("update party set card_version = card_version + 1");
                LoadResult changed = toSeguito.run("seguito ?linkedinUrl=, every card changed", MODERATE, requests, 60, 200, seguitoSlug);
                results.add(bareAgain);
                results.add(changed);

                report.line(LoadResult.header());
                results.forEach(r -> report.line(r.row()));
                report.line("");
                for (int i = 0; i < results.size(); i += 2) {
                    LoadResult base = results.get(i);
                    LoadResult seg = results.get(i + 1);
                    double ratio = seg.throughput() / base.throughput();
                    report.ratio(seg.label() + " @" + seg.inFlight() + " throughput vs " + base.label(), seg.throughput(),
                            base.throughput(), ">= 0.60", ratio >= 0.60);
                    if (seg.inFlight() == MODERATE) {
                        report.line(String.format("- %s @%d p99 %.2f ms; target < 10 ms: %s", seg.label(), MODERATE,
                                seg.p99Ms(), seg.p99Ms() < 10 ? "MET" : "MISSED"));
                    }
                }
            } finally {
                server.close();
            }
        }
        report.save();
        System.exit(0);
    }

    /** Uniformly random keys from a fixed seed: every run asks for the same contacts in the same order. */
    private static LongFunction<LoadGenerator.Call> calls(List<String> keys, long seed,
                                                         java.util.function.Function<String, String> uri,
                                                         Map<String, String> headers) {
        String[] uris = new String[65_536];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < uris.length; i++) {
            uris[i] = uri.apply(keys.get(random.nextInt(keys.size())));
        }
        return i -> LoadGenerator.Call.get(uris[(int) (i % uris.length)], headers);
    }

    private static String lookupBySlug(String slug) {
        return "/api/v1/contacts/lookup?linkedinUrl=" + enc("https://www.linkedin.com/in/" + slug + "/");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
