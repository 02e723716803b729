package dev.seguito.parse.accuracy;

import dev.seguito.parse.CaptureParsers;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedMessage;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.parse.QuoteStripper;
import dev.seguito.parse.SignatureExtractor;
import dev.seguito.parse.Texts;
import dev.seguito.parse.mail.EmlParser;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Measures the parsers against third-party ground truth (see {@code docs/accuracy.md}). Read-only on the corpus; prints
 * a table per source and field. Precision = correct / extracted, recall = correct / expected, after normalisation
 * (Unicode NFKC, lowercase, whitespace collapsed; reply texts compare with all whitespace removed).
 *
 * <p>Usage: {@code AccuracyHarness <corpus folder> [-v]}
 */
public final class AccuracyHarness {
    private final Path root;
    private final boolean verbose;
    private final PrintStream out = System.out;
    private final List<String[]> rows = new ArrayList<>();

    private AccuracyHarness(Path root, boolean verbose) {
        this.root = root;
        this.verbose = verbose;
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "../shared/corpora");
        boolean verbose = List.of(args).contains("-v");
        if (!Files.isDirectory(root)) {
            System.err.println("Corpus folder not found: " + root.toAbsolutePath());
            System.exit(2);
        }
        AccuracyHarness h = new AccuracyHarness(root, verbose);
        h.linkedin();
        h.talonStandardReplies();
        h.talonHtmlReplies();
        h.talonSignatures();
        h.robustness("emails/mail-parser", "eml", CaptureSource.EML);
        h.robustnessPlain("emails/github_email_reply_parser");
        h.robustnessHtml("emails/quotequail");
        h.webmailPages();
        h.print();
    }

    // ------------------------------------------------------------------ LinkedIn

    private void linkedin() throws IOException {
        Path dir = root.resolve("linkedin");
        JsonObject expected = new JsonObject(Files.readString(dir.resolve("scoutr_expected.json")));
        Map<String, Counter> fields = new LinkedHashMap<>();
        for (String f : List.of("name", "title", "company")) fields.put(f, new Counter());
        Counter rejection = new Counter();
        int parsedWithoutGt = 0;
        Map<String, Counter> variants = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
                String file = p.getFileName().toString();
                boolean negative = file.contains("not_found") || file.contains("authwall");
                ParsedPerson person = null;
                String rejectedCode = null;
                try {
                    person = CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, read(p), null).people().get(0);
                } catch (CaptureRejectedException e) {
                    rejectedCode = e.code();
                }
                boolean rejected = "not_a_profile".equals(rejectedCode);
                // rejection is the "extraction" here: precision over pages we rejected, recall over true non-profiles
                if (rejected) rejection.extracted++;
                if (negative) rejection.expected++;
                if (rejected && negative) rejection.correct++;
                if (verbose) {
                    out.printf("  linkedin %s -> %s%n", file, rejectedCode != null ? "rejected " + rejectedCode
                            : person.fullName() + " | " + person.title() + " | " + person.company() + " | " + person.location()
                            + " | " + person.linkedinUrl() + " | deg " + person.connectionDegree());
                }
                JsonObject gt = expectationFor(expected, file);
                if (gt == null) {
                    if (person != null) parsedWithoutGt++;
                    continue;
                }
                // the extension may send only <main>, or a document whose <head> was stripped: same expectations
                Document doc = Jsoup.parse(read(p));
                Element main = doc.selectFirst("main");
                if (main != null) variant(variants.computeIfAbsent("main only", k -> new Counter()), main.outerHtml(), gt, file);
                doc.head().empty();
                variant(variants.computeIfAbsent("head stripped", k -> new Counter()), doc.outerHtml(), gt, file);
                compare(fields.get("name"), gt.getString("candidate_name"), person == null ? null : person.fullName(), file);
                compare(fields.get("title"), gt.getString("candidate_job_title"), person == null ? null : person.title(), file);
                compare(fields.get("company"), gt.getString("company_name"), person == null ? null : person.company(), file);
            }
        }
        fields.forEach((k, c) -> row("linkedin (scoutr)", k, c));
        variants.forEach((k, c) -> row("linkedin (scoutr)", "name+title+company, " + k, c));
        row("linkedin (scoutr)", "not_a_profile", rejection);
        rows.add(new String[] {"linkedin (scoutr)", "pages without GT parsed", String.valueOf(parsedWithoutGt), "", "", "", ""});
    }

    private void variant(Counter c, String html, JsonObject gt, String file) {
        ParsedPerson person = null;
        try {
            person = CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, html, null).people().get(0);
        } catch (CaptureRejectedException e) {
            if (verbose) out.printf("  variant of %s rejected: %s%n", file, e.getMessage());
        }
        compare(c, gt.getString("candidate_name"), person == null ? null : person.fullName(), file + " (variant)");
        compare(c, gt.getString("candidate_job_title"), person == null ? null : person.title(), file + " (variant)");
        compare(c, gt.getString("company_name"), person == null ? null : person.company(), file + " (variant)");
    }

    /** The scoutr expectations name the person; files are matched by the person's name, not by test index. */
    private static JsonObject expectationFor(JsonObject expected, String file) {
        boolean loggedIn = file.contains("loggedin");
        JsonArray list = expected.getJsonArray(loggedIn ? "scoutr_loggedin_2024_pageToProfile" : "scoutr_public_2024_pageToProfile");
        if (list == null) return null;
        for (Object o : list) {
            JsonObject e = ((JsonObject) o).getJsonObject("expected");
            String[] name = norm(e.getString("candidate_name")).split(" ");
            if (name.length >= 2 && file.contains(name[0] + "_" + name[1])) return e;
        }
        return null;
    }

    // ------------------------------------------------------------------ talon

    private void talonStandardReplies() throws IOException {
        Path dir = root.resolve("emails/talon/tests/fixtures/standard_replies");
        if (!Files.isDirectory(dir)) return;
        Counter quote = new Counter();
        Counter reply = new Counter();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".eml")).sorted().toList()) {
                String base = p.getFileName().toString().replace(".eml", "");
                Path gtFile = dir.resolve(base + "_reply_text");
                String expected = Files.exists(gtFile) ? read(gtFile) : "Hello";
                String eml = read(p);
                compareText(quote, expected, EmlParser.newText(eml), "standard_replies/" + base);
                // replyText also drops the signature: compare with the expectation minus its own signature
                String expectedReply = SignatureExtractor.split(expected, null).body();
                String got = null;
                try {
                    ParsedCapture c = CaptureParsers.parse(CaptureSource.EML, eml, null);
                    got = c.messages().isEmpty() ? null : c.messages().get(0).replyText();
                } catch (CaptureRejectedException e) {
                    got = null;
                }
                compareText(reply, expectedReply, got, "standard_replies(replyText)/" + base);
            }
        }
        row("talon standard_replies", "quote-stripped text", quote);
        row("talon standard_replies", "replyText (sig. removed)", reply);
    }

    private void talonHtmlReplies() throws IOException {
        Path dir = root.resolve("emails/talon/tests/fixtures/html_replies");
        if (!Files.isDirectory(dir)) return;
        Counter c = new Counter();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
                compareText(c, "Hi. I am fine.\n\nThanks,\nAlex", QuoteStripper.stripHtml(read(p)), "html_replies/" + p.getFileName());
            }
        }
        Path fixtures = root.resolve("emails/talon/tests/fixtures");
        if (Files.exists(fixtures.resolve("OLK_SRC_BODY_SECTION.html"))) {
            compareText(c, "Reply", QuoteStripper.stripHtml(read(fixtures.resolve("OLK_SRC_BODY_SECTION.html"))), "OLK_SRC_BODY_SECTION");
        }
        if (Files.exists(fixtures.resolve("reply-separated-by-hr.html"))) {
            compareText(c, "Hi there", QuoteStripper.stripHtml(read(fixtures.resolve("reply-separated-by-hr.html"))), "reply-separated-by-hr");
        }
        row("talon html_replies", "reply text", c);
    }

    private void talonSignatures() throws IOException {
        Path dir = root.resolve("emails/talon/tests/fixtures/signature/emails/stripped");
        if (!Files.isDirectory(dir)) return;
        Counter c = new Counter();
        int negativesRight = 0;
        int negatives = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith("_body")).sorted().toList()) {
                String base = p.getFileName().toString().replaceFirst("_body$", "");
                Path sigFile = dir.resolve(base + "_signature");
                String expected = Files.exists(sigFile) ? read(sigFile).strip() : "";
                SignatureExtractor.Split split = SignatureExtractor.split(read(p), null);
                String got = split.signature();
                if (expected.isEmpty()) {
                    negatives++;
                    if (got == null) negativesRight++;
                    else c.extracted++;
                    if (verbose && got != null) out.printf("  MISS signature/%s: expected none, got [%s]%n", base, oneLine(got));
                    continue;
                }
                compareText(c, expected, got, "signature/" + base);
            }
        }
        row("talon signature (stripped)", "signature text", c);
        rows.add(new String[] {"talon signature (stripped)", "no-signature cases right", negativesRight + "/" + negatives, "", "", "", ""});
    }

    // ------------------------------------------------------------------ robustness

    private void robustness(String sub, String label, CaptureSource source) throws IOException {
        Path dir = root.resolve(sub);
        if (!Files.isDirectory(dir)) return;
        int total = 0;
        int ok = 0;
        int withFrom = 0;
        int withDate = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).filter(x -> !x.toString().endsWith(".py")).sorted().toList()) {
                total++;
                try {
                    ParsedCapture c = CaptureParsers.parse(source, read(p), null);
                    ok++;
                    ParsedMessage m = c.messages().isEmpty() ? null : c.messages().get(0);
                    if (m != null && m.from() != null) withFrom++;
                    if (m != null && m.sentAt() != null) withDate++;
                    if (verbose && m != null) {
                        out.printf("  %s %s: from=%s date=%s subject=%s people=%d warnings=%s%n", label, p.getFileName(), m.from(),
                                m.sentAt(), Texts.field(m.subject(), 60), c.people().size(), c.warnings());
                    }
                } catch (CaptureRejectedException e) {
                    if (verbose) out.printf("  %s %s: rejected %s %s%n", label, p.getFileName(), e.code(), e.getMessage());
                }
            }
        }
        rows.add(new String[] {sub, "parsed without exception", ok + "/" + total, "", "", "", ""});
        rows.add(new String[] {sub, "with sender / with date", withFrom + "/" + total + " , " + withDate + "/" + total, "", "", "", ""});
    }

    private void robustnessPlain(String sub) throws IOException {
        Path dir = root.resolve(sub);
        if (!Files.isDirectory(dir)) return;
        int total = 0;
        int ok = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                total++;
                try {
                    String text = QuoteStripper.stripPlain(read(p));
                    SignatureExtractor.split(text, null);
                    ok++;
                    if (verbose) out.printf("  plain %s -> [%s]%n", p.getFileName(), oneLine(Texts.cap(text, 160)));
                } catch (RuntimeException e) {
                    out.printf("  plain %s FAILED %s%n", p.getFileName(), e);
                }
            }
        }
        rows.add(new String[] {sub, "quote+signature split without exception", ok + "/" + total, "", "", "", ""});
    }

    private void robustnessHtml(String sub) throws IOException {
        Path dir = root.resolve(sub);
        if (!Files.isDirectory(dir)) return;
        int total = 0;
        int ok = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
                total++;
                try {
                    String text = QuoteStripper.stripHtml(read(p));
                    ok++;
                    if (verbose) out.printf("  html %s -> [%s]%n", p.getFileName(), oneLine(Texts.cap(text, 160)));
                } catch (RuntimeException e) {
                    out.printf("  html %s FAILED %s%n", p.getFileName(), e);
                }
            }
        }
        rows.add(new String[] {sub, "HTML quote strip without exception", ok + "/" + total, "", "", "", ""});
    }

    /**
     * The only real Gmail/Inbox DOMs in the corpus are a thread LIST and legacy "Inbox by Gmail" pages: none is a
     * conversation view, so the right answer is a clean "unparseable" (or a parse), never a crash.
     */
    private void webmailPages() throws IOException {
        Path dir = root.resolve("webmail/inboxsdk");
        if (!Files.isDirectory(dir)) return;
        int total = 0;
        int clean = 0;
        int listRejected = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
                total++;
                String name = p.getFileName().toString();
                try {
                    ParsedCapture c = CaptureParsers.parse(CaptureSource.GMAIL_THREAD, read(p), null);
                    clean++;
                    if (verbose) out.printf("  webmail %s: %d messages, %d people%n", name, c.messages().size(), c.people().size());
                } catch (CaptureRejectedException e) {
                    if (e.getCause() == null) clean++;
                    if (name.contains("threadlist") && e.code().equals("unparseable")) listRejected++;
                    if (verbose) out.printf("  webmail %s: rejected %s%s%n", name, e.getMessage(), e.getCause() == null ? "" : " (BUG)");
                }
            }
        }
        rows.add(new String[] {"webmail/inboxsdk DOM pages", "parsed or cleanly rejected", clean + "/" + total, "", "", "", ""});
        rows.add(new String[] {"webmail/inboxsdk DOM pages", "thread list rejected (not a thread)", listRejected + "/1", "", "", "", ""});
    }

    // ------------------------------------------------------------------ scoring

    private static final class Counter {
        int expected;
        int extracted;
        int correct;
    }

    private void compare(Counter c, String expected, String got, String what) {
        if (expected != null && !expected.isBlank()) c.expected++;
        if (got != null) c.extracted++;
        boolean right = expected != null && got != null && norm(expected).equals(norm(got));
        if (right) c.correct++;
        if (verbose && !right) out.printf("  MISS %s: expected [%s] got [%s]%n", what, expected, got);
    }

    private void compareText(Counter c, String expected, String got, String what) {
        c.expected++;
        if (got != null) c.extracted++;
        boolean right = got != null && squeeze(expected).equals(squeeze(got));
        if (right) c.correct++;
        if (verbose && !right) out.printf("  MISS %s: expected [%s] got [%s]%n", what, oneLine(expected), oneLine(got));
    }

    private void row(String source, String field, Counter c) {
        rows.add(new String[] {source, field, String.valueOf(c.expected), String.valueOf(c.extracted), String.valueOf(c.correct),
                pct(c.correct, c.extracted), pct(c.correct, c.expected)});
    }

    private void print() {
        out.printf("%-34s %-40s %9s %9s %8s %9s %7s%n", "source", "field", "expected", "extracted", "correct", "precision", "recall");
        for (String[] r : rows) out.printf("%-34s %-40s %9s %9s %8s %9s %7s%n", (Object[]) r);
    }

    private static String pct(int a, int b) {
        return b == 0 ? "-" : String.format(Locale.ROOT, "%.0f%%", 100.0 * a / b);
    }

    /** Field normalisation: NFKC, lowercase, whitespace collapsed, surrounding punctuation dropped. */
    static String norm(String s) {
        if (s == null) return "";
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Texts.squash(n).replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    }

    /** Reply-text normalisation: as talon's tests, all whitespace is ignored. */
    static String squeeze(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u00A0]+", "");
    }

    private static String oneLine(String s) {
        return s == null ? "null" : s.replace("\n", "\\n");
    }

    private static String read(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
