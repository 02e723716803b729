package dev.seguito.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The project's own small capture fixtures (src/test/resources/capture) and capture request bodies. */
public final class Fixtures {

    private Fixtures() {
    }

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

    public static JsonObject linkedin(String fixture, String url) {
        return new JsonObject().put("source", "linkedin_profile").put("pageUrl", url).put("html", text(fixture))
                .put("capturedAt", "2026-11-20T09:00:00Z").put("idempotencyKey", UUID.randomUUID().toString());
    }

    public static JsonObject eml(String fixture) {
        return new JsonObject().put("source", "eml").put("mime", text(fixture))
                .put("capturedAt", "2026-11-20T09:00:00Z").put("idempotencyKey", UUID.randomUUID().toString());
    }
}
