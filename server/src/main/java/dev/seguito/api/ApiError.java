package dev.seguito.api;

import io.vertx.core.json.JsonObject;

/**
 * A failure the client can act on: an HTTP status, a stable machine code and a plain sentence. Anything else that
 * escapes a handler is our bug and answers 500.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final JsonObject details;

    public ApiError(int status, String code, String message) {
        this(status, code, message, new JsonObject());
    }

    /** @param details more fields of the error body, for a client that can act on them (another contact's id …) */
    public ApiError(int status, String code, String message, JsonObject details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details.copy();
    }

    public JsonObject details() {
        return details.copy();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message);
    }

    public static ApiError forbidden(String message) {
        return new ApiError(403, "forbidden", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, "conflict", message);
    }
}
