package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.parse.CaptureSource;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A validated {@code POST /api/v1/captures} body. */
public record CaptureRequest(CaptureSource source, String pageUrl, String content, Instant capturedAt, String idempotencyKey,
                             List<String> ownEmails) {

    /** Past this, a capture's age says more about a broken clock than about the capture: its own time is kept. */
    private static final Duration LONGEST_AGE = Duration.ofDays(3650);
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    public static CaptureRequest from(JsonObject body) {
        CaptureSource source = source(body.getValue("source") instanceof String s ? s : null);
        Object html = body.getValue("html");
        Object mime = body.getValue("mime");
        String content = source == CaptureSource.EML ? text(mime != null ? mime : html) : text(html);
        if (content == null || content.isBlank()) {
            throw ApiError.badRequest(source == CaptureSource.EML
                    ? "\"mime\" (the raw message) is required for source eml"
                    : "\"html\" (the captured page) is required");
        }
        String key = body.getValue("idempotencyKey") instanceof String k ? k.trim() : null;
        if (key == null || key.isEmpty() || key.length() > 200) {
            throw ApiError.badRequest("\"idempotencyKey\" is required (1 to 200 characters, e.g. a UUID)");
        }
        String pageUrl = body.getValue("pageUrl") instanceof String u ? u : null;
        if (pageUrl != null && pageUrl.length() > 2048) {
            throw ApiError.badRequest("\"pageUrl\" is longer than 2048 characters");
        }
        return new CaptureRequest(source, pageUrl, content,
                capturedAt(body.getValue("capturedAt"), body.getValue("sentAt"), Instant.now()), key,
                ownEmails(body.getValue("ownEmails")));
    }

    /** The source a capture names, or a 400 that lists the ones there are. */
    static CaptureSource source(String name) {
        if (name == null) {
            throw ApiError.badRequest("\"source\" is required: linkedin_profile, linkedin_company, gmail_thread, outlook_thread or eml");
        }
        try {
            return CaptureSource.fromWire(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("Unknown source \"" + name + "\": use linkedin_profile, linkedin_company, gmail_thread, outlook_thread or eml");
        }
    }

    /**
     * The addresses of the capturing member's own mailbox, as the webmail page shows them: messages from them are
     * outbound even when the member's team address differs (a personal Gmail, an alias).
     */
    private static List<String> ownEmails(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > 10) {
            throw ApiError.badRequest("\"ownEmails\" must be a list of at most 10 email addresses");
        }
        List<String> emails = new ArrayList<>();
        for (Object o : array) {
            if (!(o instanceof String s) || !s.contains("@") || s.length() > 320) {
                throw ApiError.badRequest("\"ownEmails\" must contain email addresses only");
            }
            emails.add(s.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return List.copyOf(emails);
    }

    private static String text(Object value) {
        if (value != null && !(value instanceof String)) {
            throw ApiError.badRequest("The captured content must be a string");
        }
        return (String) value;
    }

    /**
     * When the page was captured, on the server's clock. A browser's clock can be minutes or hours off, and the
     * capture may wait in the extension's offline queue for days. When the extension also says when it sent the
     * capture ({@code sentAt}, by the same clock), the capture's age by that clock is counted back from the server's
     * {@code now}, so the browser's offset cancels out (the time on the wire aside). Without it, a time more than a
     * day ahead is taken as now.
     */
    static Instant capturedAt(Object value, Object sentAt, Instant now) {
        if (value == null) {
            return now;
        }
        Instant at = instant(value, "capturedAt");
        if (sentAt == null) {
            return at.isAfter(now.plusSeconds(86_400)) ? now : at;
        }
        Duration age = Duration.between(at, instant(sentAt, "sentAt"));
        return age.isNegative() ? now : age.compareTo(LONGEST_AGE) > 0 ? at : now.minus(age);
    }

    private static Instant instant(Object value, String name) {
        try {
            Instant at = OffsetDateTime.parse(value.toString()).toInstant();
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                throw ApiError.badRequest("\"" + name + "\" must be a date-time between 1970 and 9999");
            }
            return at;
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.badRequest("\"" + name + "\" must be an ISO-8601 date-time, e.g. 2026-11-24T09:00:00Z");
        }
    }

    /**
     * The content in UTF-8 with the payload hash over it. Encoding a 400 KB page is work for a worker thread, and
     * both the hash and, when the server compresses it, the kept raw page need the bytes: they are made once.
     */
    public Encoded encode() {
        byte[] content = this.content.getBytes(StandardCharsets.UTF_8);
        return new Encoded(content, payloadHash(source, pageUrl, content));
    }

    /** SHA-256 over the source, the page URL and the content's UTF-8 bytes, whichever form the capture came in. */
    static byte[] payloadHash(CaptureSource source, String pageUrl, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source.wire().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(pageUrl).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param utf8        the content's bytes
     * @param payloadHash same key with different content is a client bug, not a retry: the hash tells them apart
     */
    public record Encoded(byte[] utf8, byte[] payloadHash) {
    }
}
