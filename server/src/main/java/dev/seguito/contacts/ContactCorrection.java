package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.identity.PersonFields;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a person changes by hand on a contact ({@code PATCH /contacts/{id}}): the kind of relationship, the name, the
 * title or the employer, when a capture got them wrong (a signature read badly, a stale page). Each is optional;
 * at least one is given. A later capture of the person's own LinkedIn profile may update them again, as it updates
 * any field: it is their own, current statement; other captures only fill gaps.
 */
record ContactCorrection(String relationshipType, String firstName, String lastName, String title, boolean clearTitle,
                         String company) {

    static final Set<String> RELATIONSHIP_TYPES = Set.of("client", "prospect", "partner", "colleague", "other");
    private static final int MAX_LENGTH = 200;
    private static final Set<String> FIELDS = Set.of("relationshipType", "firstName", "lastName", "title", "company");

    static ContactCorrection from(JsonObject body) {
        for (String key : body.fieldNames()) {
            if (!FIELDS.contains(key)) {
                throw ApiError.badRequest("\"" + key + "\" cannot be changed here; give any of " + FIELDS);
            }
        }
        if (body.isEmpty()) {
            throw ApiError.badRequest("Give at least one of " + FIELDS);
        }
        String type = text(body, "relationshipType");
        if (body.containsKey("relationshipType")) {
            type = type == null ? null : type.toLowerCase(Locale.ROOT);
            if (type == null || !RELATIONSHIP_TYPES.contains(type)) {
                throw ApiError.badRequest("relationshipType must be one of " + RELATIONSHIP_TYPES);
            }
        }
        String first = text(body, "firstName");
        String last = text(body, "lastName");
        if ((body.containsKey("firstName") || body.containsKey("lastName")) && first == null && last == null) {
            throw ApiError.badRequest("A contact needs a name: give a first or a last name");
        }
        if (body.containsKey("company") && text(body, "company") == null) {
            throw ApiError.badRequest("company cannot be empty; give the employer's name");
        }
        return new ContactCorrection(type, first, last, text(body, "title"),
                body.containsKey("title") && text(body, "title") == null, text(body, "company"));
    }

    boolean changesPerson() {
        return firstName != null || lastName != null || title != null || clearTitle;
    }

    /** The stored fields with this correction applied; the full name follows the first and last names. */
    PersonFields applyTo(PersonFields stored) {
        boolean renamed = firstName != null || lastName != null;
        String first = firstName != null ? firstName : stored.firstName();
        String last = lastName != null ? lastName : stored.lastName();
        String full = renamed ? String.join(" ", java.util.stream.Stream.of(first, last).filter(Objects::nonNull).toList())
                : stored.fullName();
        String newTitle = clearTitle ? null : title != null ? title : stored.title();
        return new PersonFields(full, first, last, stored.headline(), newTitle, stored.location(), stored.about(),
                stored.photoUrl(), stored.connectionDegree());
    }

    /** The person fields whose value {@code corrected} changes, for provenance. */
    static List<String> changed(PersonFields stored, PersonFields corrected) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("fullName", "firstName", "lastName", "title")) {
            if (!Objects.equals(stored.get(field), corrected.get(field))) {
                out.add(field);
            }
        }
        return out;
    }

    private static String text(JsonObject body, String key) {
        Object value = body.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiError.badRequest("\"" + key + "\" must be a string");
        }
        String trimmed = s.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw ApiError.badRequest("\"" + key + "\" is longer than " + MAX_LENGTH + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
