package dev.seguito.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's own small capture fixtures (src/test/resources/capture) and capture request bodies.
 *
 * <p>The fixtures were written on {@link #WRITTEN_AT}, with dates a few days before it ("she emailed on Tuesday").
 * The next-touch rules compare those dates with the server's clock, so a test that ran fine that week would fail a
 * fortnight later. {@link #dated} and {@link #at} therefore move every date forward by the whole weeks that have passed
 * since: "three days ago" stays three to ten days ago, and weekdays (business-day arithmetic) stay as written.
 */
public final class Fixtures {

    /** When the fixtures' dates were written; they describe the days just before this instant. */
    public static final Instant WRITTEN_AT = Instant.parse("2026-11-20T09:00:00Z");

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{4})\\b");
    private static final DateTimeFormatter DAY_MONTH_YEAR_FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** "03 Nov 2026", as LinkedIn's export writes it: a date keeps the width it was written with. */
    private static final DateTimeFormatter TWO_DIGIT_DAY_FORMAT = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);

    private Fixtures() {
    }

    /** The fixture as written, dates untouched (parser tests, fuzz seeds). */
    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/capture/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with every "17 Nov 2026"-style date moved by {@link #shift()}. */
    public static String dated(String name) {
        Matcher m = DAY_MONTH_YEAR.matcher(text(name));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            LocalDate date = LocalDate.parse(m.group(1) + " " + m.group(2) + " " + m.group(3), DAY_MONTH_YEAR_FORMAT);
            DateTimeFormatter written = m.group(1).length() == 2 ? TWO_DIGIT_DAY_FORMAT : DAY_MONTH_YEAR_FORMAT;
            m.appendReplacement(out, date.plusDays(shift().toDays()).format(written));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An instant written in a test as of {@link #WRITTEN_AT}, moved like the fixtures' dates. */
    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant).plus(shift());
    }

    /** "17 Nov" as the next-touch reasons print the fixture date {@code isoDate}, once moved. */
    public static String dayMonth(String isoDate) {
        return LocalDate.parse(isoDate).plusDays(shift().toDays()).format(DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH));
    }

    /** The whole weeks since {@link #WRITTEN_AT} (never negative). */
    public static Duration shift() {
        long weeks = Math.max(0, Duration.between(WRITTEN_AT, Instant.now()).toDays() / 7);
        return Duration.ofDays(7 * weeks);
    }

    public static JsonObject linkedin(String fixture, String url) {
        return new JsonObject().put("source", "linkedin_profile").put("pageUrl", url).put("html", text(fixture))
                .put("capturedAt", WRITTEN_AT.plus(shift()).toString()).put("idempotencyKey", UUID.randomUUID().toString());
    }

    /** The company page of Giulia Romano's employer: the logged-in About tab fixture, renamed Fabbrica Nord. */
    public static String fabbricaNordCompanyPage() {
        return dev.seguito.parse.Fixtures.load("linkedin/company_loggedin_about.html")
                .replace("Nordlicht Software", "Fabbrica Nord").replace("nordlicht-software", "fabbrica-nord");
    }

    public static JsonObject eml(String fixture) {
        return new JsonObject().put("source", "eml").put("mime", dated(fixture))
                .put("capturedAt", WRITTEN_AT.plus(shift()).toString()).put("idempotencyKey", UUID.randomUUID().toString());
    }
}
