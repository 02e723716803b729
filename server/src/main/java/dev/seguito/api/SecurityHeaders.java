package dev.seguito.api;

import io.vertx.core.http.HttpServerResponse;

/**
 * Headers every answer carries. The API only ever answers JSON (or a vCard download), so nothing it sends may load
 * anything or be framed: {@code default-src 'none'; frame-ancestors 'none'} and {@code X-Frame-Options: DENY}.
 * A route that serves a page (the admin page) sets its own {@code Content-Security-Policy}, which replaces this one.
 */
public final class SecurityHeaders {

    public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(HttpServerResponse response) {
        response.putHeader("Content-Security-Policy", API_CSP).putHeader("X-Frame-Options", "DENY");
    }
}
