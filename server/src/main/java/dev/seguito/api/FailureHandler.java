package dev.seguito.api;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Every failure leaves as {@code {error, message}} with the right status; our own bugs are logged with a reference. */
final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof ApiError e) {
            send(ctx, e.status(), e.code(), e.getMessage(), e.details());
            return;
        }
        switch (ctx.statusCode()) {
            case 413 -> send(ctx, 413, "payload_too_large", "The request body is larger than this server accepts.");
            case 400 -> send(ctx, 400, "bad_request", "The request could not be read.");
            case 404 -> send(ctx, 404, "not_found", "No such resource.");
            case 405 -> send(ctx, 405, "method_not_allowed", "This method is not allowed here.");
            default -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("Request {} {} failed (ref {})", ctx.request().method(), ctx.request().path(), reference, failure);
                send(ctx, 500, "internal", "Something went wrong on the server (reference " + reference + "). "
                        + "Nothing was saved by this request; it is safe to retry.");
            }
        }
    }

    static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, code, message, new JsonObject());
    }

    private static void send(RoutingContext ctx, int status, String code, String message, JsonObject details) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(details.put("error", code).put("message", message).encode());
    }
}
