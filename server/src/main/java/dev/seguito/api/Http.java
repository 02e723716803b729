package dev.seguito.api;

import dev.seguito.team.Member;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Small helpers every route uses: reading the caller, the body and parameters, and answering JSON. */
public final class Http {

    static final String MEMBER = "seguito.member";

    private Http() {
    }

    public static Member member(RoutingContext ctx) {
        Member member = ctx.get(MEMBER);
        if (member == null) {
            throw new IllegalStateException("route is not behind the auth handler");
        }
        return member;
    }

    /**
     * The JSON body of a route that takes small bodies (settings, edits, logged interactions), decoded on the event
     * loop: at most {@link #SMALL_BODY_BYTES} once decompressed, so no request can hold the loop for long.
     */
    public static JsonObject body(RoutingContext ctx) {
        Buffer received = received(ctx);
        GzipBodies.Encoding encoding = ctx.get(GzipBodies.ENCODING);
        boolean gzip = encoding != null && encoding.gzip();
        return json(GzipBodies.decode(received, gzip,
                Math.min(SMALL_BODY_BYTES, encoding == null ? SMALL_BODY_BYTES : encoding.maxBytes())));
    }

    /** The most a small-body route accepts ({@link #body}). */
    public static final int SMALL_BODY_BYTES = 1024 * 1024;

    /** Reads a large body on a worker thread. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * @param decoded    the body, inflated when it arrived gzip
         * @param asReceived the body as it arrived when it arrived gzip, else {@code null}
         */
        T read(Buffer decoded, Buffer asReceived);
    }

    /**
     * A body of a route made for large bodies (captured pages, imported files), inflated and read by {@code reader} on
     * a worker thread: a 400 KB page takes milliseconds of both, which the event loop's other requests must not wait
     * for. Up to the server's body limit once decompressed.
     */
    public static <T> Future<T> largeBody(RoutingContext ctx, CpuWork cpu, BodyReader<T> reader) {
        try {
            Buffer received = received(ctx);
            GzipBodies.Encoding encoding = ctx.get(GzipBodies.ENCODING);
            boolean gzip = encoding != null && encoding.gzip();
            int maxBytes = encoding == null ? Integer.MAX_VALUE : encoding.maxBytes();
            return cpu.run(() -> reader.read(GzipBodies.decode(received, gzip, maxBytes), gzip ? received : null));
        } catch (ApiError e) {
            return Future.failedFuture(e);
        }
    }

    /** The JSON body of a route made for large bodies, as {@link #largeBody(RoutingContext, CpuWork, BodyReader)} reads it. */
    public static Future<JsonObject> largeBody(RoutingContext ctx, CpuWork cpu) {
        return largeBody(ctx, cpu, (decoded, asReceived) -> json(decoded));
    }

    private static Buffer received(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() <= 0) {
            throw ApiError.badRequest("A request body is required");
        }
        return ctx.body().buffer();
    }

    /** A decoded body as a JSON object whose strings PostgreSQL can store; anything else is a 400. */
    public static JsonObject json(Buffer decoded) {
        if (decoded.length() == 0) {
            throw ApiError.badRequest("A JSON body is required");
        }
        try {
            Object json = io.vertx.core.json.Json.decodeValue(decoded);
            if (!(json instanceof JsonObject object)) {
                throw ApiError.badRequest("The body is not a JSON object");
            }
            return storableStrings(object);
        } catch (DecodeException e) {
            throw ApiError.badRequest("The body is not a JSON object");
        }
    }

    /**
     * PostgreSQL text cannot hold U+0000 (a NUL escape in a JSON string would fail the insert with a 500) nor half
     * of a surrogate pair ("\\ud800" is valid JSON), and no page, mail or name has a use for them: they are replaced
     * by U+FFFD, as an HTML parser does.
     */
    public static JsonObject storableStrings(JsonObject json) {
        json.getMap().replaceAll((k, v) -> storableStrings(v));
        return json;
    }

    private static Object storableStrings(Object value) {
        if (value instanceof String s) {
            return storable(s);
        }
        if (value instanceof JsonObject o) {
            return storableStrings(o);
        }
        if (value instanceof io.vertx.core.json.JsonArray a) {
            a.getList().replaceAll(Http::storableStrings);
            return a;
        }
        return value;
    }

    /**
     * The string with U+0000 and unpaired surrogates (half of a UTF-16 pair: no character at all, and not encodable
     * as UTF-8, so PostgreSQL refuses the bytes the driver writes for it) replaced by U+FFFD.
     */
    public static String storable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean bad = c == '\u0000' || (Character.isSurrogate(c) && !pair);
            if (bad && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(s.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * UTF-8 bytes as text PostgreSQL can store. Decoding turns malformed bytes into U+FFFD and never yields half a
     * surrogate pair, so only U+0000 is left to replace: one vectorised search instead of {@link #storable}'s
     * character-by-character pass over a 400 KB page.
     */
    public static String storableUtf8(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
    }

    /** Ids that are not UUIDs cannot exist: answer 404, the same as for another team's id. */
    public static UUID idParam(RoutingContext ctx, String name) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (RuntimeException e) {
            throw ApiError.notFound("No such " + name.replace("Id", "") + " in your team");
        }
    }

    public static int intParam(RoutingContext ctx, String name, int fallback, int min, int max) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number");
        }
    }

    /**
     * An optional text field of a body: {@code fallback} when it is absent, null or blank, a 400 naming the field
     * when it is not a string ({@code JsonObject.getString(key, def)} answers null for an explicit null, and a number
     * as its digits).
     */
    public static String optionalText(JsonObject body, String field, String fallback) {
        Object value = body == null ? null : body.getValue(field);
        if (value == null || value instanceof String s && s.isBlank()) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw ApiError.badRequest("\"" + field + "\" must be text");
        }
        return text.strip();
    }

    /**
     * A body field holding a day ({@code 2026-12-01}, meaning its start in UTC) or an ISO-8601 date-time with offset;
     * anything else, or nothing, is a 400 naming the field.
     */
    public static Instant dateOrDateTime(JsonObject body, String field) {
        Object value = body == null ? null : body.getValue(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiError.badRequest("\"" + field + "\" is required: a date (2026-12-01) or an ISO-8601 date-time");
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            throw ApiError.badRequest("\"" + field + "\" must be a date like 2026-12-01 or an ISO-8601 date-time");
        }
    }

    public static void json(RoutingContext ctx, int status, Object body) {
        var response = ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8");
        if (body instanceof Buffer encoded) {
            response.end(encoded); // already JSON (a kept contact card)
        } else {
            response.end(body instanceof JsonObject o ? o.encode() : io.vertx.core.json.Json.encode(body));
        }
    }

    /** Answers the future's value as JSON, or hands its failure to the router's failure handler. */
    public static <T> void respond(RoutingContext ctx, int status, Future<T> result) {
        result.onSuccess(value -> json(ctx, status, value)).onFailure(ctx::fail);
    }
}
