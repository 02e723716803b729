package dev.seguito.capture;

import io.vertx.ext.web.Router;

import static dev.seguito.api.Http.body;
import static dev.seguito.api.Http.json;
import static dev.seguito.api.Http.member;

/** {@code POST /api/v1/captures} (docs/api.md, "Captures"). */
public final class CaptureRoutes {

    private CaptureRoutes() {
    }

    public static void mount(Router api, CaptureService captures) {
        api.post("/captures").handler(ctx -> captures.capture(member(ctx), CaptureRequest.from(body(ctx)))
                .onSuccess(answer -> json(ctx, answer.status(), answer.body()))
                .onFailure(ctx::fail));
    }
}
