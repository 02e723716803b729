package dev.seguito.parse;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as webmail prints them for people who read it in Italian, German, French, Spanish, Portuguese or Dutch:
 * "lun 1 dic 2025, 09:05", "Mo., 1. Dez. 2025, 09:05", "lun. 1 déc. 2025 à 09:05", "1 de diciembre de 2025, 9:05".
 * Gmail and Outlook on the web follow the browser's language, so a team outside the English-speaking world would
 * otherwise lose the date of every message. Month and weekday names come from the JDK's locale data (CLDR) and are
 * matched without accents, dots or letter case, as the UIs abbreviate them in several ways. Day before month, always:
 * these languages write it so. Like {@link Dates}, a date without a zone is taken as UTC.
 */
final class LocalizedDates {

    private static final List<Locale> LOCALES = List.of(Locale.ITALIAN, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"));
    private static final Map<String, Month> MONTHS = new HashMap<>();
    private static final Set<String> WEEKDAYS = new HashSet<>();
    /** Words that join the date and the time, or the day and the month ("à", "um", "alle", "de", "às", "om"). */
    private static final Set<String> JOINERS = Set.of("a", "alle", "ore", "um", "de", "del", "as", "om", "le", "el", "h");

    static {
        for (Locale locale : LOCALES) {
            for (Month month : Month.values()) {
                for (TextStyle style : TextStyle.values()) {
                    MONTHS.putIfAbsent(plain(month.getDisplayName(style, locale)), month);
                }
            }
            for (DayOfWeek day : DayOfWeek.values()) {
                for (TextStyle style : TextStyle.values()) {
                    WEEKDAYS.add(plain(day.getDisplayName(style, locale)));
                }
            }
        }
        // narrow styles are single letters or digits: they would read noise as a month or a weekday
        MONTHS.keySet().removeIf(name -> name.length() < 3 || Character.isDigit(name.charAt(0)));
        WEEKDAYS.removeIf(name -> name.length() < 2);
        // usual short forms the locale data may spell otherwise ("sept" in French, "mrt" in Dutch)
        MONTHS.putIfAbsent("sept", Month.SEPTEMBER);
        MONTHS.putIfAbsent("mrt", Month.MARCH);
    }

    private static final Pattern DAY_MONTH_YEAR_TIME = Pattern.compile(
            "^(\\d{1,2}) (\\p{L}+) (\\d{4})(?: (\\d{1,2})[:h.](\\d{2})(?:[:.](\\d{2}))?)?$");
    /** A header's label before the date: "Inviato:", "Gesendet:", "Envoyé :", "Enviado:", "Verzonden:". */
    private static final Pattern LABEL = Pattern.compile("^\\p{L}+\\s?:\\s*");
    private static final Pattern NUMERIC = Pattern.compile(
            "^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?: (\\d{1,2})[:h.](\\d{2})(?:[:.](\\d{2}))?)?$");

    private LocalizedDates() {
    }

    /**
     * {@code text} read as a date in one of these languages, or null. A numeric date ("01/12/2025 09:05") is read
     * day first only when a weekday of these languages precedes it, as Outlook writes it ("lun 01/12/2025 09:05"):
     * on its own it could be an American month-first date, which {@link Dates} reads.
     */
    static Instant parse(String text) {
        String[] words = LABEL.matcher(plain(text)).replaceFirst("").replace(",", " ").trim().split("\\s+");
        StringBuilder rest = new StringBuilder();
        boolean weekday = false;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i == 0 && WEEKDAYS.contains(w)) {
                weekday = true;
            } else if (!JOINERS.contains(w) && !w.isEmpty()) {
                rest.append(rest.isEmpty() ? "" : " ").append(w);
            }
        }
        String t = rest.toString();
        Matcher named = DAY_MONTH_YEAR_TIME.matcher(t);
        if (named.matches()) {
            Month month = MONTHS.get(named.group(2));
            return month == null ? null : at(named.group(3), month.getValue(), named.group(1), named, 4);
        }
        Matcher numeric = NUMERIC.matcher(t);
        if (weekday && numeric.matches()) {
            return at(numeric.group(3), Integer.parseInt(numeric.group(2)), numeric.group(1), numeric, 4);
        }
        return null;
    }

    private static Instant at(String year, int month, String day, Matcher m, int timeGroup) {
        try {
            int hour = m.group(timeGroup) == null ? 0 : Integer.parseInt(m.group(timeGroup));
            int minute = m.group(timeGroup + 1) == null ? 0 : Integer.parseInt(m.group(timeGroup + 1));
            int second = m.group(timeGroup + 2) == null ? 0 : Integer.parseInt(m.group(timeGroup + 2));
            return LocalDateTime.of(Integer.parseInt(year), month, Integer.parseInt(day), hour, minute, second)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * Lower case, without accents and without the dots of abbreviations ("Dez." and "dez", "déc." and "dec" read the
     * same) or of German ordinal days ("1. Dez."); the dots of "01.12.2025" and "09.05" stay.
     */
    private static String plain(String s) {
        String noAccents = Texts.withoutAccents(s);
        return noAccents.toLowerCase(Locale.ROOT).replace('\u00A0', ' ').replace('\u202F', ' ')
                .replaceAll("(?<=\\p{L})\\.", "").replaceAll("(?<=\\d)\\.(?=\\s)", "");
    }
}
