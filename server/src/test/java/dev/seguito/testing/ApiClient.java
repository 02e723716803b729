package dev.seguito.testing;

import dev.seguito.SeguitoServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.concurrent.TimeUnit;

/** A blocking HTTP client for tests: real requests to a real server, one call per line of test. */
public final class ApiClient {

    private final WebClient client;
    private final int port;
    private final String token;

    public ApiClient(SeguitoServer server, String token) {
        this.client = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()));
        this.port = server.port();
        this.token = token;
    }

    public static ApiClient anonymous(SeguitoServer server) {
        return new ApiClient(server, null);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    public Response post(String path, JsonObject body) {
        return send(HttpMethod.POST, path, body == null ? null : body.toBuffer());
    }

    public Response patch(String path, JsonObject body) {
        return send(HttpMethod.PATCH, path, body.toBuffer());
    }

    public Response delete(String path) {
        return send(HttpMethod.DELETE, path, null);
    }

    public Response send(HttpMethod method, String path, Buffer body) {
        return send(method, path, body, (String) null);
    }

    public Response send(HttpMethod method, String path, Buffer body, String contentEncoding) {
        java.util.Map<String, String> headers = new java.util.HashMap<>();
        if (contentEncoding != null) {
            headers.put("Content-Encoding", contentEncoding);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, body, headers);
    }

    /** A request with exactly these headers besides the token. */
    public Response send(HttpMethod method, String path, Buffer body, java.util.Map<String, String> headers) {
        HttpRequest<Buffer> request = client.request(method, port, "127.0.0.1", path).timeout(60_000);
        if (token != null) {
            request.putHeader("Authorization", "Bearer " + token);
        }
        headers.forEach(request::putHeader);
        try {
            HttpResponse<Buffer> response = (body == null ? request.send() : request.sendBuffer(body))
                    .await(60, TimeUnit.SECONDS);
            return new Response(response.statusCode(), response.bodyAsString(), response.getHeader("Content-Type"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(method + " " + path + " did not answer in 60 s", e);
        }
    }

    /** Status and body of one answer. */
    public record Response(int status, String body, String contentType) {
        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonArray items() {
            return json().getJsonArray("items");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
