package dev.seguito.bench;

import dev.seguito.SeguitoServer;
import dev.seguito.capture.ImportFormats;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.util.Random;
import java.util.UUID;

/**
 * Bulk import of a generated LinkedIn {@code Connections.csv} (default 15,000 rows) through {@code POST /api/v1/imports},
 * timed from the upload to the job's "done", against reading the same file alone ({@code ImportFormats}) in the same
 * run. Target: under 10 s for 15,000 connections.
 *
 * <p>Run: {@code bench/run.sh ImportBench [rows] [names=wide|narrow]}. "wide" (default) varies surnames and
 * companies as a real network does; "narrow" draws from 360 names at 10 companies, so most rows become possible
 * duplicates of each other and go through the one-by-one path (the pessimistic case).
 */
public final class ImportBench {

    private static final String[] FIRST = {"Anna", "Marco", "Giulia", "Luca", "Sara", "Paolo", "Elena", "Davide", "Chiara",
            "Matteo", "Laura", "Andrea", "Marta", "Stefano", "Valentina", "Tomas", "Ingrid", "Pierre", "Claire", "Jonas"};
    private static final String[] LAST = {"Rossi", "Bianchi", "Romano", "Ferri", "Conti", "Galli", "Moretti", "Greco",
            "Berg", "Dubois", "Martin", "Larsen", "Costa", "Fontana", "Rinaldi", "Caruso", "Lombardi", "Barbieri"};
    private static final String[] COMPANY = {"Fabbrica Nord", "Tessili Ferri S.r.l.", "Banca Alpina", "Vetreria Galli",
            "Officine Sud", "Nordglas AB", "Verrier SA", "Studio Moretti", "Logistica Adriatica", "Agri Po"};
    /** With {@code names=wide}: surnames and companies vary as in a real network, so few rows share name and company. */
    private static final String[] SURNAME_ENDING = {"", "ni", "tti", "lli", "son", "sen", "ard", "elli"};
    private static final String[] COMPANY_KIND = {"Logistics", "Robotics", "Foods", "Textiles", "Glass", "Energy",
            "Consulting", "Software", "Packaging", "Finance", "Design", "Ceramics", "Pharma", "Tools", "Labs"};
    private static final String[] COMPANY_PLACE = {"Nord", "Sud", "Alpina", "Adriatica", "Lago", "Monte", "Baltic",
            "Rhein", "Loire", "Po", "Tirreno", "Dolomiti", "Garda", "Riviera", "Brenta", "Ticino", "Lario", "Etna", "Sila", "Conero"};
    private static final String[] TITLE = {"Head of Procurement", "CEO", "Sales Director", "Buyer", "CFO", "Architect",
            "Operations Manager", "Founder", "Account Executive", "Plant Manager"};

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 15_000;
        boolean wide = args.length < 2 || !args[1].equals("names=narrow");
        String csv = csv(rows, new Random(3), wide);
        Report report = new Report("import");
        report.line(String.format("Generated Connections.csv: %,d rows, %,d KB, names=%s.%n", rows, csv.length() / 1024,
                wide ? "wide" : "narrow"));

        ImportFormats.linkedinConnections(csv); // warm-up
        long parseStart = System.nanoTime();
        int parsed = ImportFormats.linkedinConnections(csv).rows().size();
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;

        try (BenchDatabase db = BenchDatabase.start()) {
            SeguitoServer server = BenchServer.start(db.location());
            Vertx vertx = Vertx.vertx();
            try {
                WebClient client = WebClient.create(vertx);
                BenchServer.Team warm = BenchServer.newTeam(server, "Import warm-up");
                run(client, server.port(), warm.token(), csv(500, new Random(9), wide));
                BenchServer.Team team = BenchServer.newTeam(server, "Import bench");
                long start = System.nanoTime();
                JsonObject done = run(client, server.port(), team.token(), csv);
                double seconds = (System.nanoTime() - start) / 1e9;
                report.line("| what | rows | seconds | rows/s |");
                report.line("|---|---:|---:|---:|");
                report.line(String.format("| read the CSV only (baseline) | %,d | %.2f | %,.0f |", parsed, parseSeconds, parsed / parseSeconds));
                report.line(String.format("| import end to end (created %,d, possible duplicates %,d, matched %,d, failed %,d) | %,d | %.2f | %,.0f |",
                        done.getInteger("created"), done.getInteger("possibleDuplicates"),
                        done.getInteger("matched") + done.getInteger("updated"), done.getInteger("failed"),
                        done.getInteger("total"), seconds, done.getInteger("total") / seconds));
                report.line("");
                report.line(String.format("- end to end takes %.0fx the time of reading the file alone", seconds / parseSeconds));
                report.line(String.format("- target: %,d connections in under 10 s: %s", rows, seconds < 10 ? "MET" : "MISSED"));
            } finally {
                server.close();
                vertx.close();
            }
        }
        report.save();
        System.exit(0);
    }

    private static JsonObject run(WebClient client, int port, String token, String csv) throws Exception {
        JsonObject body = new JsonObject().put("format", "linkedin_csv").put("content", csv)
                .put("idempotencyKey", UUID.randomUUID().toString());
        String id = client.post(port, "127.0.0.1", "/api/v1/imports").putHeader("Authorization", "Bearer " + token)
                .sendJsonObject(body).await().bodyAsJsonObject().getString("id");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonObject status = client.get(port, "127.0.0.1", "/api/v1/imports/" + id)
                    .putHeader("Authorization", "Bearer " + token).send().await().bodyAsJsonObject();
            if ("done".equals(status.getString("status"))) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("import did not finish within 10 minutes");
    }

    /** A realistic export: LinkedIn's notes preamble, then one row per connection, some with emails. */
    static String csv(int rows, Random random, boolean wide) {
        StringBuilder out = new StringBuilder("Notes:\n\"When exporting your connection data, you may notice that some of "
                + "the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < rows; i++) {
            String first = FIRST[random.nextInt(FIRST.length)];
            String last = LAST[random.nextInt(LAST.length)] + (wide ? SURNAME_ENDING[random.nextInt(SURNAME_ENDING.length)] : "");
            String company = wide ? COMPANY_PLACE[random.nextInt(COMPANY_PLACE.length)] + " " + COMPANY_KIND[random.nextInt(COMPANY_KIND.length)]
                    : COMPANY[random.nextInt(COMPANY.length)];
            String slug = (first + "-" + last + "-" + i).toLowerCase();
            String email = random.nextInt(4) == 0 ? slug + "@example-" + (i % 97) + ".com" : "";
            out.append(first).append(',').append(last).append(",https://www.linkedin.com/in/").append(slug).append(',')
                    .append(email).append(",\"").append(company).append("\",")
                    .append(TITLE[random.nextInt(TITLE.length)]).append(',')
                    .append(String.format("%02d %s %d", 1 + random.nextInt(28), months[random.nextInt(12)], 2015 + random.nextInt(11)))
                    .append('\n');
        }
        return out.toString();
    }
}
