package dev.seguito.parse;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient date reading for the many ways mail clients and webmail UIs print a date, in English and, through
 * {@link LocalizedDates}, in the languages of the teams most likely to use Seguito. Dates without a zone are taken
 * as UTC: a few hours off is acceptable for follow-up timing, a missing date is not.
 */
public final class Dates {
    private static final List<DateTimeFormatter> ZONED = List.of(
            f("EEE, d MMM yyyy H:mm[:ss] Z"), f("d MMM yyyy H:mm[:ss] Z"), f("EEE, d MMM yyyy H:mm[:ss] z"),
            f("d MMM yyyy H:mm[:ss] z"), f("EEE, d MMM yy H:mm[:ss] Z"), f("EEE d MMM yyyy H:mm[:ss] Z"),
            f("EEE, MMM d, yyyy 'at' h:mm a z"), f("EEE, MMM d, yyyy h:mm a z"));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            f("EEE, MMM d, yyyy, h:mm a"), f("MMM d, yyyy, h:mm a"), f("EEE, MMM d, yyyy 'at' h:mm a"),
            f("EEE, MMM d, yyyy h:mm a"), f("MMM d, yyyy h:mm a"), f("MMM d, yyyy 'at' h:mm a"),
            f("EEEE, MMMM d, yyyy h:mm a"), f("EEEE, MMMM d, yyyy h:mm[:ss] a"), f("EEEE, MMMM d, yyyy, h:mm a"),
            f("EEEE, MMMM d, yyyy 'at' h:mm a"), f("MMMM d, yyyy h:mm a"), f("MMMM d, yyyy 'at' h:mm a"),
            f("EEE M/d/yyyy h:mm a"), f("M/d/yyyy h:mm a"), f("EEE M/d/yyyy H:mm"), f("M/d/yyyy H:mm"),
            f("EEE d/M/yyyy H:mm"), f("d/M/yyyy H:mm"), f("EEE yyyy-MM-dd H:mm"), f("yyyy-MM-dd H:mm[:ss]"),
            f("EEE, d MMM yyyy H:mm[:ss]"), f("d MMM yyyy H:mm[:ss]"), f("EEE d MMM yyyy H:mm"),
            f("EEE, d MMM yyyy, H:mm"), f("d MMMM yyyy H:mm"), f("d MMMM yyyy 'at' H:mm"),
            f("EEE, MMM d, yyyy 'at' H:mm"), f("EEEE, d MMMM yyyy H:mm"), f("EEEE, d MMMM yyyy 'at' H:mm"),
            f("MMM d, yyyy, H:mm"), f("EEE, MMM d, yyyy, H:mm"));
    private static final List<DateTimeFormatter> DATE_ONLY = List.of(f("MMM d, yyyy"), f("EEE, MMM d, yyyy"),
            f("d MMM yyyy"), f("M/d/yyyy"), f("yyyy-MM-dd"), f("EEEE, MMMM d, yyyy"), f("MMMM d, yyyy"));
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LABEL = Pattern.compile("(?i)^(sent|date|datum|on)\\s*:?\\s*");
    private static final Pattern AGO = Pattern.compile("(?i)\\s*\\(\\d+ (minutes?|hours?|days?) ago\\)");
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s+(?:(?!AM$|PM$)[A-Z]{2,5}|[+-]\\d{4})$");
    private static final Pattern TRAILING_ZONE_COMMENT = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern OFFSET_GMT = Pattern.compile("(?i)\\s*(?:GMT|UTC)\\s*([+-]\\d{1,2}):?(\\d{2})?\\s*$");

    private Dates() {
    }

    private static DateTimeFormatter f(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().parseLenient().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    /** Parses {@code s} or returns null; never throws. */
    public static Instant parse(String s) {
        if (s == null) return null;
        String t = WHITESPACE.matcher(s.replace('\u202F', ' ').replace('\u00A0', ' ')).replaceAll(" ").trim();
        t = TRAILING_ZONE_COMMENT.matcher(t).replaceAll("").trim();
        t = LABEL.matcher(t).replaceFirst("");
        t = AGO.matcher(t).replaceAll("");
        if (t.isEmpty() || t.length() > 120) return null;
        Instant iso = read(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME, ta -> OffsetDateTime.from(ta).toInstant());
        if (iso == null) iso = read(t, DateTimeFormatter.ISO_INSTANT, Instant::from);
        if (iso == null) iso = read(t, DateTimeFormatter.RFC_1123_DATE_TIME, ta -> ZonedDateTime.from(ta).toInstant());
        if (iso != null) return iso;
        Matcher gmt = OFFSET_GMT.matcher(t);
        if (gmt.find()) {
            String h = gmt.group(1);
            String sign = h.substring(0, 1);
            String hh = h.substring(1);
            if (hh.length() == 1) hh = "0" + hh;
            String mm = gmt.group(2) == null ? "00" : gmt.group(2);
            t = t.substring(0, gmt.start()) + " " + sign + hh + mm;
        }
        for (DateTimeFormatter fmt : ZONED) {
            Instant i = read(t, fmt, Dates::zonedInstant);
            if (i != null) return i;
        }
        String noZone = TRAILING_ZONE.matcher(t).replaceFirst("");
        for (DateTimeFormatter fmt : LOCAL) {
            Instant i = read(noZone, fmt, ta -> LocalDateTime.from(ta).toInstant(ZoneOffset.UTC));
            if (i != null) return i;
        }
        for (DateTimeFormatter fmt : DATE_ONLY) {
            Instant i = read(noZone, fmt, ta -> LocalDate.from(ta).atStartOfDay().toInstant(ZoneOffset.UTC));
            if (i != null) return i;
        }
        return LocalizedDates.parse(noZone);
    }

    /**
     * {@code fmt}'s reading of the whole of {@code t}, or null. A text that does not fit is recognised without the
     * exception {@code parse} throws for it: up to fifty formats are tried per date, and building one exception (stack
     * trace included) per miss was most of the cost of reading a date.
     */
    private static Instant read(String t, DateTimeFormatter fmt, Function<TemporalAccessor, Instant> toInstant) {
        ParsePosition pos = new ParsePosition(0);
        if (fmt.parseUnresolved(t, pos) == null || pos.getErrorIndex() >= 0 || pos.getIndex() < t.length()) return null;
        try {
            return toInstant.apply(fmt.parse(t));
        } catch (RuntimeException e) {
            return null; // fits the pattern but not the calendar (a weekday that is not the date's) or lacks a field
        }
    }

    private static Instant zonedInstant(TemporalAccessor ta) {
        try {
            return ZonedDateTime.from(ta).toInstant();
        } catch (DateTimeException e) {
            return OffsetDateTime.from(ta).toInstant();
        }
    }
}
