package dev.seguito.testing;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A plain JDK HTTP client for tests that need response headers, raw bytes, or a server in another process (no
 * Vert.x instance to borrow). Loopback only. Connection failures are answers too ({@link Answer#status} -1), so
 * that fault tests can retry them the way the extension does.
 */
public final class RawHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String token;

    public RawHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer post(String path, JsonObject body) {
        return send("POST", path, body.toBuffer().getBytes(), "application/json");
    }

    public Answer send(String method, String path, byte[] body, String contentType) {
        return send(method, path, body, contentType, null);
    }

    public Answer send(String method, String path, byte[] body, String contentType, String contentEncoding) {
        return send(method, path, body, contentType, contentEncoding, null);
    }

    /** With an {@code Idempotency-Key} header when {@code idempotencyKey} is not null. */
    public Answer send(String method, String path, byte[] body, String contentType, String contentEncoding,
                       String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (contentEncoding != null) {
            request.header("Content-Encoding", contentEncoding);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers()::firstValue);
        } catch (IOException e) {
            return new Answer(-1, String.valueOf(e), name -> Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status (-1: no answer: connection refused, reset, or timed out), body and headers. */
    public record Answer(int status, String body, java.util.function.Function<String, Optional<String>> headers) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public String header(String name) {
            return headers.apply(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
