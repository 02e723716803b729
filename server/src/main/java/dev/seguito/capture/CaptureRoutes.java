package dev.seguito.capture;

import io.vertx.ext.web.Router;

import static dev.seguito.api.Http.body;
import static dev.seguito.api.Http.dateOrDateTime;
import static dev.seguito.api.Http.gzipBody;
import static dev.seguito.api.Http.idParam;
import static dev.seguito.api.Http.respond;
import static dev.seguito.api.Http.json;
import static dev.seguito.api.Http.largeBody;
import static dev.seguito.api.Http.member;

/** {@code POST /api/v1/captures} (docs/api.md, "Captures"). */
public final class CaptureRoutes {

    private CaptureRoutes() {
    }

    public static void mount(Router api, CaptureService captures, ImportService imports) {
        api.post("/imports").handler(ctx -> respond(ctx, 202, largeBody(ctx).compose(body -> imports.start(member(ctx), body))));
        api.get("/imports/:importId").handler(ctx -> respond(ctx, 200,
                imports.status(member(ctx).teamId(), idParam(ctx, "importId"))));
        api.post("/captures").handler(ctx -> largeBody(ctx)
                .compose(body -> captures.capture(member(ctx), CaptureRequest.from(body), gzipBody(ctx)))
                .onSuccess(answer -> json(ctx, answer.status(), answer.body()))
                .onFailure(ctx::fail));
        api.post("/captures/:captureId/reparse").handler(ctx -> respond(ctx, 200,
                captures.reparse(member(ctx), idParam(ctx, "captureId"))));
        api.post("/admin/reparse").handler(ctx -> {
            respond(ctx, 200, captures.reparseSince(member(ctx), dateOrDateTime(body(ctx), "since")));
        });
    }
}
