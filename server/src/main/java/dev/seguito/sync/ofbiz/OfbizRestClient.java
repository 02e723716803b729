package dev.seguito.sync.ofbiz;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Talks to OFBiz's rest-api plugin: {@code POST /rest/auth/token} with HTTP Basic for a JWT (cached, refreshed before
 * it expires and once more on a 401), then {@code POST <servicesPath>/<service>} with the IN parameters as JSON.
 * Success bodies are {@code {statusCode, statusDescription, successMessage, data}}; error bodies are
 * {@code {statusCode, statusDescription, errorType, errorMessage, errorDescription, additionalErrors}}. Failures come
 * back as a failed future carrying an {@link OfbizException} that says whether a retry can help.
 */
public final class OfbizRestClient {

    static final String TOKEN_PATH = "/rest/auth/token";

    private final WebClient web;
    private final OfbizConfig config;
    private final Clock clock;
    private Future<Token> token; // guarded by this

    private record Token(String value, long refreshAtMillis) {
    }

    public OfbizRestClient(Vertx vertx, OfbizConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        WebClientOptions options = new WebClientOptions()
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis()))
                .setUserAgent("Seguito-OFBiz-connector");
        if (config.trustAllCertificates()) {
            options.setTrustAll(true).setVerifyHost(false);
        }
        this.web = WebClient.create(vertx, options);
    }

    /** Calls one OFBiz service; succeeds with the response's {@code data} object (empty when OFBiz sent none). */
    public Future<JsonObject> call(String service, JsonObject params) {
        return validToken().compose(t -> post(service, params, t)).compose(response -> {
            if (response.statusCode() == 401) {
                invalidate();
                return validToken().compose(t -> post(service, params, t));
            }
            return Future.succeededFuture(response);
        }).compose(response -> interpret(service, response));
    }

    /** Drops the cached token, e.g. after OFBiz answered 401. */
    public synchronized void invalidate() {
        token = null;
    }

    public Future<Void> close() {
        web.close();
        return Future.succeededFuture();
    }

    private Future<HttpResponse<Buffer>> post(String service, JsonObject params, Token t) {
        String url = config.baseUrl() + config.servicesPath() + "/" + service;
        return web.postAbs(url)
                .timeout(config.requestTimeout().toMillis())
                .bearerTokenAuthentication(t.value())
                .putHeader("Accept", "application/json")
                .sendJsonObject(params)
                .recover(e -> Future.failedFuture(unreachable(service, e)));
    }

    private synchronized Future<Token> validToken() {
        Future<Token> current = token;
        if (current != null && (!current.isComplete()
                || (current.succeeded() && clock.millis() < current.result().refreshAtMillis()))) {
            return current;
        }
        Future<Token> fresh = requestToken();
        token = fresh;
        fresh.onFailure(e -> {
            synchronized (this) {
                if (token == fresh) {
                    token = null;
                }
            }
        });
        return fresh;
    }

    private Future<Token> requestToken() {
        long requestedAt = clock.millis();
        return web.postAbs(config.baseUrl() + TOKEN_PATH)
                .timeout(config.requestTimeout().toMillis())
                .basicAuthentication(config.username(), config.password())
                .putHeader("Accept", "application/json")
                .send()
                .recover(e -> Future.failedFuture(unreachable("token", e)))
                .compose(response -> {
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        return Future.failedFuture(new OfbizException("OFBiz refused the credentials of user '"
                                + config.username() + "': " + describe(response), true, response.statusCode(), null));
                    }
                    if (response.statusCode() != 200) {
                        return Future.failedFuture(classify("token", response));
                    }
                    JsonObject data = json(response).getJsonObject("data", new JsonObject());
                    String value = data.getString("access_token");
                    if (value == null || value.isBlank()) {
                        return Future.failedFuture(new OfbizException("OFBiz granted no access_token", true, 200, null));
                    }
                    long lifetime = seconds(data.getValue("expires_in"), 1800) * 1000L;
                    long margin = Math.min(60_000L, lifetime / 5);
                    return Future.succeededFuture(new Token(value, requestedAt + lifetime - margin));
                });
    }

    private Future<JsonObject> interpret(String service, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            JsonObject body = json(response);
            Object data = body.getValue("data");
            return Future.succeededFuture(data instanceof JsonObject object ? object : new JsonObject());
        }
        return Future.failedFuture(classify(service, response));
    }

    private OfbizException classify(String what, HttpResponse<Buffer> response) {
        int status = response.statusCode();
        boolean retryable = status >= 500 || status == 401 || status == 403 || status == 408 || status == 429;
        return new OfbizException(what + ": " + describe(response), retryable, status, null);
    }

    private OfbizException unreachable(String what, Throwable e) {
        if (e instanceof OfbizException known) {
            return known;
        }
        return new OfbizException(what + ": OFBiz unreachable at " + config.baseUrl() + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", true, 0, e);
    }

    /** Human-readable reason from an OFBiz error body, falling back to the HTTP status line. */
    static String describe(HttpResponse<Buffer> response) {
        JsonObject body = json(response);
        List<String> parts = new ArrayList<>();
        addDistinct(parts, body.getString("errorMessage"));
        addDistinct(parts, body.getString("errorDescription"));
        JsonArray more = body.getJsonArray("additionalErrors");
        if (more != null) {
            more.forEach(m -> addDistinct(parts, m == null ? null : m.toString()));
        }
        if (parts.isEmpty()) {
            addDistinct(parts, body.getString("statusDescription", response.statusMessage()));
        }
        return "HTTP " + response.statusCode() + " " + String.join(" | ", parts);
    }

    private static void addDistinct(List<String> parts, String s) {
        if (s != null && !s.isBlank() && !parts.contains(s.trim())) {
            parts.add(s.trim());
        }
    }

    private static JsonObject json(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return new JsonObject();
        }
        try {
            return body.toJsonObject();
        } catch (RuntimeException notJson) {
            return new JsonObject();
        }
    }

    private static long seconds(Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? fallback : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
