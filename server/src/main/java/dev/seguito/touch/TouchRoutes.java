package dev.seguito.touch;

import dev.seguito.api.ApiError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import static dev.seguito.api.Http.idParam;
import static dev.seguito.api.Http.intParam;
import static dev.seguito.api.Http.member;
import static dev.seguito.api.Http.respond;

/** Done / snooze / dismiss, the agenda and the team policy (docs/api.md, "Next touch"). */
public final class TouchRoutes {

    private TouchRoutes() {
    }

    public static void mount(Router api, NextTouchService touches) {
        for (String kind : new String[]{"done", "snooze", "dismiss"}) {
            api.post("/contacts/:contactId/next-touch/" + kind).handler(ctx -> respond(ctx, 200,
                    touches.mark(member(ctx), idParam(ctx, "contactId"), kind, bodyOrEmpty(ctx))
                            .map(v -> new JsonObject().put("recorded", kind))));
        }
        api.get("/contacts/:contactId/next-touch/explain").handler(ctx -> respond(ctx, 200,
                touches.explain(member(ctx), idParam(ctx, "contactId"))));
        api.get("/agenda").handler(ctx -> {
            String range = ctx.request().getParam("range", "today");
            if (!range.equals("today") && !range.equals("week")) {
                throw ApiError.badRequest("range must be \"today\" or \"week\"");
            }
            respond(ctx, 200, touches.agenda(member(ctx), range, ctx.request().getParam("tag"), intParam(ctx, "limit", 50, 1, 500),
                    intParam(ctx, "offset", 0, 0, 1_000_000)));
        });
        api.get("/team/policy").handler(ctx -> respond(ctx, 200, touches.policy(member(ctx))));
        api.put("/team/policy").handler(ctx -> respond(ctx, 200, touches.updatePolicy(member(ctx), dev.seguito.api.Http.body(ctx))));
    }

    private static JsonObject bodyOrEmpty(io.vertx.ext.web.RoutingContext ctx) {
        // RequestBody.length() is -1 when no body was sent at all (not 0)
        return ctx.body() == null || ctx.body().length() <= 0 ? new JsonObject() : dev.seguito.api.Http.body(ctx);
    }
}
