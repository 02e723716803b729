package dev.seguito.sync;

import dev.seguito.api.ApiError;
import io.vertx.ext.web.Router;

import static dev.seguito.api.Http.member;
import static dev.seguito.api.Http.respond;

/** {@code /api/v1/admin/sync}: CRM sync status and retry (admins). */
public final class SyncRoutes {

    private SyncRoutes() {
    }

    public static void mount(Router api, SyncAdmin sync, OutboxWorker worker) {
        api.get("/admin/sync").handler(ctx -> respond(ctx, 200, sync.status(member(ctx))));
        api.post("/admin/sync/retry").handler(ctx -> respond(ctx, 200, sync.retry(member(ctx), null)
                .onSuccess(v -> worker.drain())));
        api.post("/admin/sync/retry/:rowId").handler(ctx -> {
            long id;
            try {
                id = Long.parseLong(ctx.pathParam("rowId"));
            } catch (NumberFormatException e) {
                throw ApiError.notFound("No such outbox row in your team");
            }
            respond(ctx, 200, sync.retry(member(ctx), id).onSuccess(v -> worker.drain()));
        });
    }
}
