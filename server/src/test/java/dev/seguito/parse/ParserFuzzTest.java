package dev.seguito.parse;

import dev.seguito.testing.Fixtures;
import dev.seguito.testing.FuzzSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property tests over {@link CaptureParsers#parse} for every source, on random mutations of the project's own
 * fixtures and on hand-made pathological inputs. Properties: the only exception is {@link CaptureRejectedException};
 * a rejection is a real verdict, not a parser crash turned into one; every parse ends; every person's field is
 * within the documented caps ({@link Texts}) and is text, never markup.
 *
 * <p>Seeded: the seed is printed; rerun with {@code -Dseguito.fuzz.seed=<seed>} to reproduce a failure, or with
 * {@code -Dseguito.fuzz.seed=random} (and more {@code -Dseguito.fuzz.rounds}) to look for new ones.
 */
class ParserFuzzTest {

    static final long SEED = FuzzSeed.SEED;
    private static final int ROUNDS = Integer.getInteger("seguito.fuzz.rounds", 120);
    /** '<' followed by an HTML element name: markup that escaped into a text field ("Re: <Project>" is text). */
    static final Pattern HTML_TAG = Pattern.compile("(?i)</?(a|b|i|u|p|br|div|span|strong|em|font|img|ul|ol|li|table|tr|td|th"
            + "|h[1-6]|blockquote|pre|code|small|sup|sub|hr|section|article|main|script|style|meta|link|title|html|head|body"
            + "|iframe|svg|form|input|button|noscript|template|object|embed)[\\s/>]");
    private static final Pattern TAG = HTML_TAG;

    static final String GMAIL = """
            <div role="main"><h2 class="hP">Supplier review</h2>
            <div class="adn"><h3><span class="gD" email="giulia.romano@fabbricanord.example" name="Giulia Romano">Giulia Romano</span></h3>
            <span class="g2" email="marco@seguito-sales.example" name="Marco Rossi">Marco</span>
            <span class="g3" title="Tue, Nov 17, 2026, 10:15 AM">10:15</span>
            <div class="a3s">Hi Marco,<br>Thursday works.<br><div class="gmail_signature">Giulia Romano<br>Head of Procurement<br>Fabbrica Nord<br>Tel. +39 02 1234 5678</div>
            <div class="gmail_quote">On Mon Marco wrote:<blockquote>could we review?</blockquote></div></div></div></div>""";
    static final String OUTLOOK = """
            <div role="main"><div role="heading" aria-level="2">Supplier review</div>
            <div aria-label="Email message"><div><span title="giulia.romano@fabbricanord.example">Giulia Romano &lt;giulia.romano@fabbricanord.example&gt;</span>
            <div>To: Marco Rossi &lt;marco@seguito-sales.example&gt;</div><time>Tue 11/17/2026 10:15 AM</time></div>
            <div aria-label="Message body">Hi Marco,<br>Thursday works.<br>Giulia Romano<br>Head of Procurement<br>Fabbrica Nord</div></div></div>""";

    private static List<String> htmlSeeds;
    private static String eml;

    @BeforeAll
    static void seeds() {
        System.out.println(FuzzSeed.announce("ParserFuzzTest"));
        htmlSeeds = List.of(Fixtures.text("giulia_linkedin.html"), Fixtures.text("giulia_linkedin_new_job.html"), GMAIL, OUTLOOK,
                dev.seguito.parse.Fixtures.load("linkedin/company_loggedin_about.html"));
        eml = Fixtures.text("thread_with_giulia.eml");
    }

    @Test
    void mutatedHtmlNeverBreaksAParser() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            String input = Mutations.html(random, htmlSeeds.get(random.nextInt(htmlSeeds.size())));
            for (CaptureSource source : CaptureSource.values()) {
                check(source, input, round);
            }
        }
    }

    @Test
    void brokenMimeNeverBreaksTheEmlParser() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < ROUNDS; round++) {
            check(CaptureSource.EML, Mutations.mime(random, eml), round);
        }
    }

    @Test
    void pathologicalInputsEndWithAResultOrARejection() {
        for (String input : Mutations.pathological(htmlSeeds.get(0), eml)) {
            for (CaptureSource source : CaptureSource.values()) {
                check(source, input, -1);
            }
        }
    }

    static void check(CaptureSource source, String input, int round) {
        String what = source.wire() + " round " + round + " seed " + SEED + " input " + describe(input);
        long started = System.nanoTime();
        ParsedCapture parsed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try {
                return CaptureParsers.parse(source, input, pageUrl(source));
            } catch (CaptureRejectedException e) {
                assertThat(e.code()).as(what).isIn(CaptureRejectedException.UNPARSEABLE, CaptureRejectedException.NOT_A_PROFILE,
                        CaptureRejectedException.NOT_A_COMPANY);
                assertThat(e.getMessage()).as(() -> "a parser crash disguised as a rejection: " + what + "\n" + crash(source, input))
                        .doesNotContain("could not be parsed (");
                return null;
            }
        }, () -> "parse did not end: " + what);
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > 1000) {
            System.out.println("slow parse (" + ms + " ms, reported only): " + what);
        }
        if (parsed != null) {
            for (ParsedPerson p : parsed.people()) {
                checkPerson(p, what);
            }
            if (parsed.company() != null) {
                assertThat(parsed.company().name()).as(what).isNotBlank();
                assertThat(parsed.company().name().length()).as(what).isLessThanOrEqualTo(200);
                assertThat(parsed.company().industry() == null ? 0 : parsed.company().industry().length()).as(what)
                        .isLessThanOrEqualTo(100);
            }
            for (ParsedMessage m : parsed.messages()) {
                assertThat(m.replyText() == null ? 0 : m.replyText().length()).as(what).isLessThanOrEqualTo(Texts.MAX_BODY);
                assertThat(m.subject() == null ? 0 : m.subject().length()).as(what).isLessThanOrEqualTo(Texts.MAX_FIELD);
                for (String text : java.util.Arrays.asList(m.messageId(), m.subject(), m.replyText(),
                        m.from() == null ? null : m.from().name(), m.from() == null ? null : m.from().address())) {
                    assertThat(text == null ? "" : text).as("NUL in a message (PostgreSQL text cannot hold it): " + what)
                            .doesNotContain("\u0000");
                }
            }
        }
    }

    /** A URL of the kind of page the source reads, so that every parser gets past its URL check. */
    private static String pageUrl(CaptureSource source) {
        return source == CaptureSource.LINKEDIN_COMPANY ? "https://www.linkedin.com/company/nordlicht-software/"
                : "https://www.linkedin.com/in/giulia-romano-42/";
    }

    /** The exception {@link CaptureParsers} turned into a rejection, with where it was thrown. */
    private static String crash(CaptureSource source, String input) {
        try {
            switch (source) {
                case LINKEDIN_PROFILE -> dev.seguito.parse.linkedin.LinkedInProfileParser.parse(input, pageUrl(source));
                case LINKEDIN_COMPANY -> dev.seguito.parse.linkedin.LinkedInCompanyParser.parse(input, pageUrl(source));
                case GMAIL_THREAD -> dev.seguito.parse.mail.GmailThreadParser.parse(input);
                case OUTLOOK_THREAD -> dev.seguito.parse.mail.OutlookThreadParser.parse(input);
                case EML -> dev.seguito.parse.mail.EmlParser.parse(input);
            }
            return "(not reproduced)";
        } catch (Throwable t) {
            StringBuilder sb = new StringBuilder(t.toString());
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().startsWith("dev.seguito")) {
                    sb.append("\n  at ").append(e);
                }
            }
            return sb.toString();
        }
    }

    static void checkPerson(ParsedPerson p, String what) {
        List<String> single = new ArrayList<>(java.util.Arrays.asList(p.fullName(), p.firstName(), p.lastName(),
                p.headline(), p.title(), p.company(), p.location(), p.linkedinUrl(), p.linkedinSlug(), p.photoUrl(), p.website()));
        single.addAll(p.emails());
        single.addAll(p.phones());
        for (String field : single) {
            if (field != null) {
                assertThat(field.length()).as("field too long: " + what).isLessThanOrEqualTo(Texts.MAX_FIELD);
                assertThat(TAG.matcher(field).find()).as("markup in \"" + abbreviate(field) + "\": " + what).isFalse();
                assertThat(field).as(what).doesNotContain("\u0000");
            }
        }
        if (p.about() != null) {
            assertThat(p.about().length()).as(what).isLessThanOrEqualTo(Texts.MAX_ABOUT);
            assertThat(TAG.matcher(p.about()).find()).as("markup in about \"" + abbreviate(p.about()) + "\": " + what).isFalse();
        }
    }

    private static String describe(String input) {
        return "(" + input.length() + " chars) " + abbreviate(input);
    }

    static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() <= 160 ? t : t.substring(0, 160) + "…";
    }

    /** Random mutations: structure-aware enough to reach deep parser paths, random enough to find the odd case. */
    static final class Mutations {

        private static final String[] INJECTIONS = {
                "<script>alert(1)</script>", "<script type=\"application/ld+json\">{\"@type\":\"Person\",\"name\":\"<b>X</b>\"",
                "<div><span><b", "</div></div></div>", "<!--", "]]>", "<![CDATA[", "<h1 class=\"top-card-layout__title\"><i>Ev</i>il",
                "&#0;", "&#xD800;", "&amp", "\u0000", "\uD800", "\uDFFF", "\uFFFD\uFFFE", "<style>*{}</style>", "<iframe src=x>",
                "<title></title>", "<meta property=\"og:title\" content=\"<img src=x onerror=1> - T - C | LinkedIn\">",
                "<span email=\"a@b\" name=\"<b>n</b>\" class=\"gD\">", "\r\n\r\n", "=?utf-8?B?////?=", "<svg><a>", "\u202E"};
        private static final String[] TAGS = {"div", "span", "h1", "h2", "main", "section", "script", "a", "p", "title", "table", "td"};

        static String html(Random r, String seed) {
            StringBuilder s = new StringBuilder(seed);
            int steps = 1 + r.nextInt(6);
            for (int i = 0; i < steps; i++) {
                mutate(r, s);
            }
            return s.toString();
        }

        private static void mutate(Random r, StringBuilder s) {
            int n = Math.max(1, s.length());
            int at = r.nextInt(n);
            switch (r.nextInt(9)) {
                case 0 -> s.setLength(at); // truncate
                case 1 -> s.delete(at, Math.min(s.length(), at + r.nextInt(200))); // delete a range
                case 2 -> { // duplicate a range
                    String range = s.substring(at, Math.min(s.length(), at + r.nextInt(400)));
                    s.insert(at, range.repeat(1 + r.nextInt(3)));
                }
                case 3 -> { // swap a tag name
                    String from = TAGS[r.nextInt(TAGS.length)];
                    String to = TAGS[r.nextInt(TAGS.length)];
                    String t = s.toString().replaceFirst("<" + from + "([\\s>])", "<" + to + "$1");
                    s.setLength(0);
                    s.append(t);
                }
                case 4, 5 -> s.insert(at, INJECTIONS[r.nextInt(INJECTIONS.length)]);
                case 6 -> { // random characters, including controls and lone surrogates
                    for (int k = r.nextInt(20); k > 0; k--) {
                        s.insert(Math.min(at, s.length()), (char) r.nextInt(r.nextBoolean() ? 128 : 0xFFFF));
                    }
                }
                case 7 -> s.insert(at, invalidUtf8(r)); // bytes that are not UTF-8, decoded as a browser would
                default -> s.insert(at, "<div>".repeat(r.nextInt(200)));
            }
        }

        static String invalidUtf8(Random r) {
            byte[] bytes = new byte[1 + r.nextInt(32)];
            r.nextBytes(bytes);
            bytes[0] = (byte) (0x80 | bytes[0]); // a continuation byte with no lead: never valid UTF-8
            return new String(bytes, StandardCharsets.UTF_8);
        }

        static String mime(Random r, String eml) {
            String boundary = "b" + r.nextInt(1000);
            String body = switch (r.nextInt(8)) {
                case 0 -> eml.substring(0, Math.max(0, eml.indexOf("\n\n"))); // header only
                case 1 -> eml.replace("charset=UTF-8", "charset=" + pick(r, "x-unknown-42", "", "\"", "utf-7", "UTF-32BE", "ISO-8859-1;;", "utf-8'en'")); // bad charsets
                case 2 -> multipart(r, boundary, pick(r, boundary + "x", "", "--", boundary), eml); // bad or missing closing boundary
                case 3 -> eml.replace("Content-Type: text/plain; charset=UTF-8",
                        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64") + garbageBase64(r);
                case 4 -> eml.replace("MIME-Version: 1.0", "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"");
                case 5 -> nested(r, 1 + r.nextInt(60));
                case 6 -> eml.replace("Subject: ", "Subject: =?" + pick(r, "utf-8", "bogus", "") + "?" + pick(r, "B", "Q", "X") + "?"
                        + garbageBase64(r).trim() + "?= ");
                default -> html(r, eml);
            };
            return r.nextInt(4) == 0 ? html(r, body) : body;
        }

        private static String multipart(Random r, String boundary, String closing, String eml) {
            String headers = eml.substring(0, Math.max(0, eml.indexOf("\n\n"))).replace("Content-Type: text/plain; charset=UTF-8",
                    "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"");
            return headers + "\n\n--" + boundary + "\nContent-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                    + "<p>Hi =E2=80=\n=9C Marco=XX=</p>\n--" + boundary + "\nContent-Type: application/octet-stream\n"
                    + "Content-Transfer-Encoding: base64\n\n" + garbageBase64(r) + "\n--" + closing + (r.nextBoolean() ? "--" : "");
        }

        private static String nested(Random r, int depth) {
            StringBuilder sb = new StringBuilder("From: A <a@x.example>\nTo: B <b@y.example>\nSubject: nest\nMIME-Version: 1.0\n");
            for (int i = 0; i < depth; i++) {
                sb.append("Content-Type: multipart/mixed; boundary=\"n").append(i).append("\"\n\n--n").append(i).append('\n');
            }
            sb.append("Content-Type: text/plain\n\nhello\n");
            for (int i = depth - 1; i >= 0; i--) {
                if (r.nextBoolean()) {
                    sb.append("--n").append(i).append("--\n");
                }
            }
            return sb.toString();
        }

        private static String garbageBase64(Random r) {
            byte[] bytes = new byte[r.nextInt(2000)];
            r.nextBytes(bytes);
            String b64 = Base64.getMimeEncoder().encodeToString(bytes);
            StringBuilder sb = new StringBuilder(b64);
            for (int i = r.nextInt(10); i > 0 && sb.length() > 0; i--) {
                sb.insert(r.nextInt(sb.length()), pick(r, "!", "=", "==", "\u00e9", "*", "\n\n", "-"));
            }
            return sb.append('\n').toString();
        }

        private static String pick(Random r, String... options) {
            return options[r.nextInt(options.length)];
        }

        /** Fixed hostile inputs: huge fields, deep nesting, NUL bytes, invalid UTF-8, empty and near-empty. */
        static List<String> pathological(String profile, String eml) {
            String mb = "N".repeat(1 << 20);
            List<String> inputs = new ArrayList<>();
            inputs.add(profile.replace("Giulia Romano", mb)); // a 1 MB name in JSON-LD, title, og:title and h1
            inputs.add(profile.replace("Buying better, buying less.", "about ".repeat(40_000)));
            inputs.add(profile.replace("Head of Procurement", "<b>" + "x ".repeat(60_000) + "</b>"));
            inputs.add("<div>".repeat(100_000) + "Giulia Romano" + "</div>".repeat(100_000));
            inputs.add("<main>" + "<div><span>".repeat(10_000) + profile);
            inputs.add(profile.replace("<main>", "<main>" + "<ul><li>".repeat(10_000)));
            inputs.add(profile.replace("\n", "\u0000\n").replace("Giulia", "Giu\u0000lia"));
            inputs.add("\u0000".repeat(50_000));
            inputs.add(new String(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1, (byte) 0xE2, (byte) 0x28,
                    (byte) 0xA1, (byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0xBC}, StandardCharsets.UTF_8) + profile);
            inputs.add("\uD800" + profile.replace("Romano", "Rom\uDC00ano\uD800"));
            inputs.add("");
            inputs.add(" ");
            inputs.add("<");
            inputs.add("<html");
            inputs.add("<script>" + "{".repeat(50_000));
            inputs.add(profile.replace("{\"@context\"", "[".repeat(20_000) + "{\"@context\""));
            inputs.add("<code style=\"display: none\" id=\"bpr-guid-1\">" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)
                    + "</code>" + profile);
            inputs.add(eml.replace("Subject: Re: Supplier review next week", "Subject: " + mb));
            inputs.add(eml.replace("From: Giulia Romano", "From: " + "\"Giulia\" ".repeat(20_000) + "Romano"));
            inputs.add(eml.replace("To: Marco Rossi <marco@seguito-sales.example>", "To: "
                    + "x@y.example, ".repeat(10_000) + "marco@seguito-sales.example"));
            inputs.add(eml.substring(0, eml.indexOf("\n\n")) + "\n\n" + "> ".repeat(40_000));
            inputs.add(eml + "\n" + "-- \n".repeat(10_000));
            inputs.add("From: a@b\n" + "X-Long: ".concat("y".repeat(200_000)) + "\n\nbody");
            inputs.add(Mutations.nested(new Random(1), 2_000));
            inputs.add(GMAIL.replace("Giulia Romano", mb));
            inputs.add(OUTLOOK.replace("Thursday works.", "<div>".repeat(100_000)));
            return inputs;
        }
    }
}
