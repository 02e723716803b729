package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.api.CpuWork;
import dev.seguito.api.Http;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Locale;

import static dev.seguito.api.Http.body;
import static dev.seguito.api.Http.dateOrDateTime;
import static dev.seguito.api.Http.idParam;
import static dev.seguito.api.Http.json;
import static dev.seguito.api.Http.largeBody;
import static dev.seguito.api.Http.member;
import static dev.seguito.api.Http.respond;

/**
 * {@code POST /api/v1/captures}, the bulk import and contacts typed in by hand (docs/api.md, "Captures", "Bulk
 * import", "Adding a contact by hand").
 */
public final class CaptureRoutes {

    private CaptureRoutes() {
    }

    public static void mount(Router api, CpuWork cpu, CaptureService captures, ImportService imports,
                             ContactEntries entries) {
        api.post("/contacts").handler(ctx -> entries.add(member(ctx), body(ctx))
                .onSuccess(answer -> json(ctx, answer.status(), answer.body()))
                .onFailure(ctx::fail));
        api.post("/imports").handler(ctx -> respond(ctx, 202, largeBody(ctx, cpu).compose(body -> imports.start(member(ctx), body))));
        api.get("/imports/:importId").handler(ctx -> respond(ctx, 200,
                imports.status(member(ctx).teamId(), idParam(ctx, "importId"))));
        api.post("/captures").handler(ctx -> received(ctx, cpu)
                .compose(capture -> captures.capture(member(ctx), capture))
                .onSuccess(answer -> json(ctx, answer.status(), answer.body()))
                .onFailure(ctx::fail));
        api.post("/captures/:captureId/reparse").handler(ctx -> respond(ctx, 200,
                captures.reparse(member(ctx), idParam(ctx, "captureId"))));
        api.post("/admin/reparse").handler(ctx -> {
            respond(ctx, 200, captures.reparseSince(member(ctx), dateOrDateTime(body(ctx), "since")));
        });
    }

    /** The capture in either of its forms, told apart by the body's media type (no type: JSON, as before). */
    private static Future<ReceivedCapture> received(RoutingContext ctx, CpuWork cpu) {
        String header = ctx.request().getHeader("Content-Type");
        String type = header == null ? "application/json" : header.trim().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            return largeBody(ctx, cpu, (decoded, asReceived) -> ReceivedCapture.ofJson(Http.json(decoded), asReceived));
        }
        if (!type.startsWith("text/html") && !type.startsWith("message/rfc822")) {
            return Future.failedFuture(new ApiError(415, "unsupported_media_type",
                    "Send the capture as application/json, or the page itself as text/html (a mail as message/rfc822)"));
        }
        if (type.contains("charset=") && !type.replace(" ", "").replace("\"", "").contains("charset=utf-8")) {
            return Future.failedFuture(new ApiError(415, "unsupported_media_type", "Send the page in UTF-8"));
        }
        // copied on the event loop: the worker thread reads its own
        MultiMap query = MultiMap.caseInsensitiveMultiMap().addAll(ctx.queryParams());
        String key = ctx.request().getHeader("Idempotency-Key");
        return largeBody(ctx, cpu, (decoded, asReceived) -> ReceivedCapture.ofPage(query, key, type, decoded, asReceived));
    }
}
