package dev.seguito.team;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import static dev.seguito.api.Http.member;

/**
 * {@code GET /api/v1/events}: the caller's team events as Server-Sent Events ({@code contact} for a contact's change,
 * {@code team} for the team's settings), with a heartbeat every 15 s.
 */
public final class EventStreamRoute {

    private EventStreamRoute() {
    }

    public static void mount(Router api, TeamEvents events) {
        api.get("/events").handler(ctx -> {
            Member me = member(ctx);
            HttpServerResponse response = ctx.response().setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-cache").putHeader("X-Accel-Buffering", "no");
            response.write(": connected\n\n");
            MessageConsumer<JsonObject> consumer = events.subscribe(me.teamId(), event -> response.write(
                    "event: " + TeamEvents.streamName(event) + "\ndata: " + withoutTeam(event).encode() + "\n\n"));
            long heartbeat = ctx.vertx().setPeriodic(15_000, id -> response.write(": keep-alive\n\n"));
            response.closeHandler(v -> {
                consumer.unregister();
                ctx.vertx().cancelTimer(heartbeat);
            });
        });
    }

    private static JsonObject withoutTeam(JsonObject event) {
        JsonObject copy = event.copy();
        copy.remove("teamId");
        return copy;
    }
}
