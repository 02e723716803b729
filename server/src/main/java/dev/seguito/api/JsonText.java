package dev.seguito.api;

import io.vertx.core.json.JsonObject;

/**
 * A text field of a request body read the one way every form-like route reads it, so that each refusal says the
 * same thing for the same mistake: absent, {@code null} or blank is "not given", anything but a string or a value
 * above the limit is a {@code 400} naming the field.
 */
public final class JsonText {

    private JsonText() {
    }

    /** The field stripped of surrounding white space, or {@code null} when it is absent or blank. */
    public static String optional(JsonObject body, String key, int maxLength) {
        Object value = body.getValue(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw ApiError.badRequest("\"" + key + "\" must be a string");
        }
        String trimmed = s.strip();
        if (trimmed.length() > maxLength) {
            throw ApiError.badRequest("\"" + key + "\" is longer than " + maxLength + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
