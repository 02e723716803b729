package dev.seguito.parse.linkedin;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's company size bands, in the one form the team's ideal profile compares ({@code "51-200"}). A page writes
 * them in its reader's language ("51-200 employees", "1.001-5.000 dipendenti", "10 001+ salariés"); only the
 * numbers are read, and only a band LinkedIn has is accepted, so "24-7 support" is not a company size.
 */
final class CompanySizeBands {
    static final List<String> BANDS = List.of("0-1", "2-10", "11-50", "51-200", "201-500", "501-1000", "1001-5000",
            "5001-10000", "10001+");
    private static final int[] UPPER = {1, 10, 50, 200, 500, 1000, 5000, 10000, Integer.MAX_VALUE};

    // a number may group its thousands with a comma, a dot, a space or an apostrophe, as the reader's locale does
    private static final String NUMBER = "(\\d{1,3}(?:[.,'’\\s\\u00A0\\u202F]\\d{3})*)";
    private static final Pattern RANGE = Pattern.compile("^" + NUMBER + "\\s*[-–—]\\s*" + NUMBER + "(?:\\s+\\S.*)?$");
    private static final Pattern OPEN = Pattern.compile("^" + NUMBER + "\\s*\\+(?:\\s*\\S.*)?$");

    private CompanySizeBands() {
    }

    /** The band a text such as "1,001-5,000 employees" names, or null when it names none of LinkedIn's bands. */
    static String of(String text) {
        if (text == null) return null;
        String t = text.strip();
        Matcher range = RANGE.matcher(t);
        if (range.matches()) {
            String band = digits(range.group(1)) + "-" + digits(range.group(2));
            return BANDS.contains(band) ? band : null;
        }
        Matcher open = OPEN.matcher(t);
        if (open.matches()) {
            String band = digits(open.group(1)) + "+";
            return BANDS.contains(band) ? band : null;
        }
        return null;
    }

    /** The band that holds a head count (schema.org's {@code numberOfEmployees}), or null for a negative one. */
    static String containing(long employees) {
        if (employees < 0) return null;
        for (int i = 0; i < UPPER.length; i++) {
            if (employees <= UPPER[i]) return BANDS.get(i);
        }
        return null;
    }

    private static String digits(String number) {
        return number.replaceAll("\\D", "").replaceFirst("^0+(?=\\d)", "");
    }
}
