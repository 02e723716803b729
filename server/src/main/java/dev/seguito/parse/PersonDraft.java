package dev.seguito.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person being assembled from several extraction strategies. Each {@link #offer} comes with a confidence and the
 * most confident value per field wins, so strategies can run in any order and a weak fallback never overwrites a
 * strong reading.
 */
public final class PersonDraft {
    public static final String FULL_NAME = "fullName";
    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String HEADLINE = "headline";
    public static final String TITLE = "title";
    public static final String COMPANY = "company";
    public static final String LOCATION = "location";
    public static final String LINKEDIN_URL = "linkedinUrl";
    public static final String CONNECTION_DEGREE = "connectionDegree";
    public static final String ABOUT = "about";
    public static final String PHOTO_URL = "photoUrl";
    public static final String WEBSITE = "website";
    public static final String EMAILS = "emails";
    public static final String PHONES = "phones";

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Double> confidence = new LinkedHashMap<>();
    private final Set<String> emails = new LinkedHashSet<>();
    private final Set<String> phones = new LinkedHashSet<>();
    private boolean automated;

    /** Offers a value; it is cleaned and kept only if more confident than what is already there. */
    public PersonDraft offer(String field, String value, double conf) {
        int max = field.equals(ABOUT) ? Texts.MAX_ABOUT : Texts.MAX_FIELD;
        String clean = field.equals(ABOUT) ? Texts.multiline(value, max) : Texts.field(value, max);
        if (clean == null) return this;
        Double current = confidence.get(field);
        if (current == null || conf > current) {
            values.put(field, clean);
            confidence.put(field, Math.max(0, Math.min(1, conf)));
        }
        return this;
    }

    public String get(String field) {
        return values.get(field);
    }

    public double confidenceOf(String field) {
        return confidence.getOrDefault(field, 0.0);
    }

    public PersonDraft addEmail(String address, double conf) {
        if (address != null && !address.isBlank()) {
            emails.add(address.trim().toLowerCase(java.util.Locale.ROOT));
            confidence.merge(EMAILS, conf, Math::max);
        }
        return this;
    }

    public PersonDraft addPhones(List<String> e164, double conf) {
        if (e164 != null && !e164.isEmpty()) {
            phones.addAll(e164);
            confidence.merge(PHONES, conf, Math::max);
        }
        return this;
    }

    public PersonDraft automated(boolean automated) {
        this.automated = this.automated || automated;
        return this;
    }

    public boolean isAutomated() {
        return automated;
    }

    public List<String> emails() {
        return new ArrayList<>(emails);
    }

    public ParsedPerson build() {
        String full = get(FULL_NAME);
        String first = get(FIRST_NAME);
        String last = get(LAST_NAME);
        if (full != null && (first == null || last == null)) {
            Names.Split split = Names.split(full);
            double c = confidenceOf(FULL_NAME) * 0.8;
            if (first == null && split.first() != null) offer(FIRST_NAME, first = split.first(), c);
            if (last == null && split.last() != null) offer(LAST_NAME, last = split.last(), c);
        }
        if (full == null && first != null) {
            offer(FULL_NAME, last == null ? first : first + " " + last, Math.min(confidenceOf(FIRST_NAME), 0.8));
            full = get(FULL_NAME);
        }
        String url = get(LINKEDIN_URL);
        String degree = get(CONNECTION_DEGREE);
        return new ParsedPerson(full, first, last, get(HEADLINE), get(TITLE), get(COMPANY), get(LOCATION), url,
                LinkedInUrls.slug(url), degree == null ? null : Integer.valueOf(degree), get(ABOUT), get(PHOTO_URL),
                emails(), new ArrayList<>(phones), get(WEBSITE), automated, confidence);
    }
}
