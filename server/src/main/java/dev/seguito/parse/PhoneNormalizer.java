package dev.seguito.parse;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds phone numbers in free text and writes them as E.164, so that "+39 02 1234 5678" and "02-12345678" written by
 * someone in Milan are the same number. The default region is a guess (signature or address TLD, else the legal form
 * of the company, else US) used only for numbers written without a country code.
 */
public final class PhoneNormalizer {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern FAX_LINE = Pattern.compile("(?i)^\\W*(f|fax|telefax)\\b\\W");
    private static final Set<String> GENERIC_TLDS = Set.of("com", "org", "net", "io", "co", "ai", "app", "dev", "biz",
            "info", "edu", "gov", "mil", "me", "tv", "xyz");

    /**
     * Legal forms that name one country, at the end of a company name ("Officine Lario S.r.l.", "Brightloop GmbH").
     * Forms shared by several countries (AG, S.A., N.V., SAS in Italy and France alike as "S.a.s.") are left out.
     */
    private static final List<Map.Entry<Pattern, String>> LEGAL_FORMS = List.of(
            // "SpA" and "S.p.A." but not the word "Spa": that one is written with its letters' case
            Map.entry(legalForm("s\\.?\\s?r\\.?\\s?l\\.?(\\s?s\\.?)?|(?-i:S\\.?\\s?[pP]\\.?\\s?A\\.?)|s\\.\\s?n\\.\\s?c\\.?"), "IT"),
            Map.entry(legalForm("gmbh(\\s?&\\s?co\\.?\\s?kg)?|ug\\s?\\(haftungsbeschr\u00e4nkt\\)|e\\.\\s?k\\.?"), "DE"),
            Map.entry(legalForm("s\\.?\\s?a\\.?\\s?r\\.?\\s?l\\.?|sasu|eurl"), "FR"),
            Map.entry(legalForm("s\\.\\s?l\\.(\\s?u\\.)?|s\\.\\s?a\\.\\s?u\\."), "ES"),
            Map.entry(legalForm("b\\.\\s?v\\.?"), "NL"),
            Map.entry(legalForm("sp\\.\\s?z\\s?o\\.\\s?o\\.?"), "PL"),
            Map.entry(legalForm("ltd\\.?|limited|plc|llp"), "GB"));

    /** Country names in the languages LinkedIn is most read in here, as {@link Texts#wordsKey}, to their region. */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private PhoneNormalizer() {
    }

    private static Map<String, String> countryNames() {
        Map<String, String> names = new java.util.HashMap<>();
        List<Locale> languages = List.of(Locale.ENGLISH, Locale.ITALIAN, Locale.GERMAN, Locale.FRENCH,
                Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"));
        for (String region : UTIL.getSupportedRegions()) {
            Locale country = new Locale.Builder().setRegion(region).build();
            for (Locale language : languages) {
                names.putIfAbsent(Texts.wordsKey(country.getDisplayCountry(language)), region);
            }
        }
        // what people write besides the official short names
        for (String us : List.of("usa", "us", "united states of america")) names.put(us, "US");
        for (String gb : List.of("uk", "england", "scotland", "wales", "northern ireland", "great britain")) names.put(gb, "GB");
        return Map.copyOf(names);
    }

    /**
     * The region of a place as LinkedIn prints it ("Milan, Lombardy, Italy", "Valencia, Comunidad Valenciana,
     * España", "Deutschland"): its last part, when that names a country; null for "San Francisco Bay Area".
     */
    public static String regionForLocation(String location) {
        if (location == null) return null;
        String[] parts = location.split(",");
        return COUNTRY_NAMES.get(Texts.wordsKey(parts[parts.length - 1]));
    }

    private static Pattern legalForm(String forms) {
        return Pattern.compile("(?iu)(?:^|[\\s,])(?:" + forms + ")\\W*$");
    }

    /** The country a company's legal form names ({@code S.r.l.} → IT, {@code GmbH} → DE), or null. */
    public static String regionForLegalForm(String company) {
        if (company == null) return null;
        for (Map.Entry<Pattern, String> form : LEGAL_FORMS) {
            if (form.getKey().matcher(company).find()) return form.getValue();
        }
        return null;
    }

    /** All valid phone numbers in {@code text} (fax lines skipped), E.164, in order of appearance, at most 5. */
    public static List<String> findAll(String text, String defaultRegion) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return List.of();
        String region = defaultRegion == null ? "US" : defaultRegion;
        for (String line : text.split("\n")) {
            if (FAX_LINE.matcher(line.trim()).find()) continue;
            String l = Texts.cap(line, 1000);
            for (PhoneNumberMatch m : UTIL.findNumbers(l, region, PhoneNumberUtil.Leniency.VALID, 5_000)) {
                out.add(UTIL.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164));
                if (out.size() >= 5) return new ArrayList<>(out);
            }
        }
        return new ArrayList<>(out);
    }

    /** One number to E.164, or null when it is not a valid number. */
    public static String normalize(String raw, String defaultRegion) {
        if (raw == null) return null;
        try {
            PhoneNumber n = UTIL.parse(raw, defaultRegion == null ? "US" : defaultRegion);
            return UTIL.isValidNumber(n) ? UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** A region code for a domain's country TLD ({@code acme.it} → IT, {@code .co.uk} → GB), or null if generic. */
    public static String regionForDomain(String domainOrUrl) {
        if (domainOrUrl == null) return null;
        String d = domainOrUrl.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "").replaceFirst("[/:?#].*$", "");
        int dot = d.lastIndexOf('.');
        if (dot < 0) return null;
        String tld = d.substring(dot + 1);
        if (GENERIC_TLDS.contains(tld) || tld.length() != 2) return null;
        String region = tld.equals("uk") ? "GB" : tld.toUpperCase(Locale.ROOT);
        return UTIL.getSupportedRegions().contains(region) ? region : null;
    }
}
