package dev.seguito.testing;

import io.vertx.core.json.JsonObject;

/**
 * Capture bodies for distinct people, made from the project's own Giulia fixture by renaming her: one slug and one
 * name per call, so that each capture is a new contact unless it is a retry.
 */
public final class UniqueCaptures {

    private static final String PROFILE = Fixtures.text("giulia_linkedin.html");

    private UniqueCaptures() {
    }

    /** A LinkedIn capture of person number {@code n} (slug {@code prefix-n}), with the given idempotency key. */
    public static JsonObject linkedin(String prefix, int n, String idempotencyKey) {
        String slug = (prefix + "-" + n).toLowerCase();
        String name = "Person" + letters(n) + " " + capitalize(prefix.replaceAll("[^A-Za-z]", "")) ;
        String html = PROFILE.replace("giulia-romano-42", slug).replace("Giulia Romano", name);
        return new JsonObject().put("source", "linkedin_profile").put("pageUrl", "https://www.linkedin.com/in/" + slug + "/")
                .put("html", html).put("capturedAt", Fixtures.at("2026-11-20T09:00:00Z").toString()).put("idempotencyKey", idempotencyKey);
    }

    public static String slug(String prefix, int n) {
        return (prefix + "-" + n).toLowerCase();
    }

    /** Names must not look alike (same name + same company is a possible duplicate): encode n in letters. */
    public static String letters(int n) {
        StringBuilder sb = new StringBuilder();
        int v = n;
        do {
            sb.append((char) ('a' + v % 26));
            v /= 26;
        } while (v > 0);
        return sb.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? "X" : Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase();
    }
}
