package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.api.JsonText;
import dev.seguito.identity.PersonFields;
import dev.seguito.touch.FitScorer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a person changes by hand on a contact ({@code PATCH /contacts/{id}}): the kind of relationship, the name, the
 * title, headline, location, about text or the employer, when a capture got them wrong (a signature read badly, a stale page);
 * and what no page shows but the fit score reads: the person's tags and the employer's industry and size band.
 * Each is optional; at least one is given. A later capture of the person's own LinkedIn profile may update them
 * again, as it updates any field: it is their own, current statement; other captures only fill gaps.
 *
 * @param lines the text fields given (title, headline, location, about), each mapped to its new value or to null
 *              when it is cleared ({@code ""})
 * @param tags the person's tags when given (they replace the old ones; empty clears them), else null
 * @param companyFacts the employer's {@code industry} and {@code companySize} given, each mapped to its new value or
 *                     to null when it is cleared
 */
record ContactCorrection(String relationshipType, String firstName, String lastName, Map<String, String> lines,
                         String company, List<String> tags, Map<String, String> companyFacts) {

    static final Set<String> RELATIONSHIP_TYPES = Set.of("client", "prospect", "partner", "colleague", "other");
    private static final int MAX_LENGTH = 200;
    /** LinkedIn allows 220 characters in a headline. */
    private static final int MAX_HEADLINE_LENGTH = 300;
    /** LinkedIn allows 2,600 characters in the About section; some room for a note added by hand. */
    private static final int MAX_ABOUT_LENGTH = 4000;
    private static final List<String> LINES = List.of("title", "headline", "location", "about");
    private static final Set<String> FIELDS = Set.of("relationshipType", "firstName", "lastName", "title", "headline",
            "location", "about", "company", "tags", "industry", "companySize");
    private static final int MAX_INDUSTRY_LENGTH = 100;
    /** Long enough for "1,001-5,000 employees"; a band, not a description. */
    private static final int MAX_SIZE_LENGTH = 40;

    static ContactCorrection from(JsonObject body) {
        for (String key : body.fieldNames()) {
            if (!FIELDS.contains(key)) {
                throw ApiError.badRequest("\"" + key + "\" cannot be changed here; give any of " + new TreeSet<>(FIELDS));
            }
        }
        if (body.isEmpty()) {
            throw ApiError.badRequest("Give at least one of " + new TreeSet<>(FIELDS));
        }
        String type = JsonText.optional(body, "relationshipType", MAX_LENGTH);
        if (body.containsKey("relationshipType")) {
            type = type == null ? null : type.toLowerCase(Locale.ROOT);
            if (type == null || !RELATIONSHIP_TYPES.contains(type)) {
                throw ApiError.badRequest("relationshipType must be one of " + RELATIONSHIP_TYPES);
            }
        }
        String first = JsonText.optional(body, "firstName", MAX_LENGTH);
        String last = JsonText.optional(body, "lastName", MAX_LENGTH);
        if ((body.containsKey("firstName") || body.containsKey("lastName")) && first == null && last == null) {
            throw ApiError.badRequest("A contact needs a name: give a first or a last name");
        }
        if (body.containsKey("company") && JsonText.optional(body, "company", MAX_LENGTH) == null) {
            throw ApiError.badRequest("company cannot be empty; give the employer's name");
        }
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : LINES) {
            if (body.containsKey(line)) {
                lines.put(line, JsonText.optional(body, line, switch (line) {
                    case "headline" -> MAX_HEADLINE_LENGTH;
                    case "about" -> MAX_ABOUT_LENGTH;
                    default -> MAX_LENGTH;
                }));
            }
        }
        Map<String, String> companyFacts = new LinkedHashMap<>();
        if (body.containsKey("industry")) {
            companyFacts.put("industry", JsonText.optional(body, "industry", MAX_INDUSTRY_LENGTH));
        }
        if (body.containsKey("companySize")) {
            companyFacts.put("companySize", JsonText.optional(body, "companySize", MAX_SIZE_LENGTH));
        }
        return new ContactCorrection(type, first, last, lines, JsonText.optional(body, "company", MAX_LENGTH),
                ContactTags.given(body), companyFacts);
    }

    boolean changesPerson() {
        return firstName != null || lastName != null || !lines.isEmpty();
    }

    /** Whether a first or a last name is given: the full name changes with it. */
    boolean renames() {
        return firstName != null || lastName != null;
    }

    /** The stored fields with this correction applied; the full name follows the first and last names. */
    PersonFields applyTo(PersonFields stored) {
        String first = firstName != null ? firstName : stored.firstName();
        String last = lastName != null ? lastName : stored.lastName();
        return new PersonFields(fullName(stored.firstName(), stored.lastName(), stored.fullName()), first, last,
                line("headline", stored.headline()), line("title", stored.title()),
                line("location", stored.location()), line("about", stored.about()), stored.photoUrl(),
                stored.connectionDegree());
    }

    /** The full name after this correction, given the stored names. */
    String fullName(String storedFirst, String storedLast, String storedFull) {
        if (!renames()) {
            return storedFull;
        }
        String first = firstName != null ? firstName : storedFirst;
        String last = lastName != null ? lastName : storedLast;
        return String.join(" ", java.util.stream.Stream.of(first, last).filter(Objects::nonNull).toList());
    }

    private String line(String field, String stored) {
        return lines.containsKey(field) ? lines.get(field) : stored;
    }

    /** The person fields whose value {@code corrected} changes, for provenance. */
    static List<String> changed(PersonFields stored, PersonFields corrected) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("fullName", "firstName", "lastName", "title", "headline", "location", "about")) {
            if (!Objects.equals(stored.get(field), corrected.get(field))) {
                out.add(field);
            }
        }
        return out;
    }
}
