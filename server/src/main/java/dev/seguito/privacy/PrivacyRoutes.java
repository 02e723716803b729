package dev.seguito.privacy;

import dev.seguito.api.ApiError;
import dev.seguito.team.Member;
import io.vertx.ext.web.Router;

import java.util.UUID;

import static dev.seguito.api.Http.idParam;
import static dev.seguito.api.Http.member;
import static dev.seguito.api.Http.respond;

/** {@code DELETE /api/v1/contacts/{id}} and {@code GET /api/v1/contacts/{id}/export} (docs/privacy.md). */
public final class PrivacyRoutes {

    private PrivacyRoutes() {
    }

    public static void mount(Router api, ContactEraser eraser, ContactExport export) {
        api.delete("/contacts/:contactId").handler(ctx -> eraser.erase(member(ctx), idParam(ctx, "contactId"))
                .onSuccess(erased -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail));
        api.get("/contacts/:contactId/export").handler(ctx -> {
            Member me = member(ctx);
            UUID id = idParam(ctx, "contactId");
            String format = ctx.request().getParam("format", "json");
            switch (format) {
                case "json" -> export.json(me.teamId(), id)
                        .onSuccess(body -> ctx.response().setStatusCode(200)
                                .putHeader("Content-Type", "application/json; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"contact-" + id + ".json\"")
                                .end(body.encodePrettily()))
                        .onFailure(ctx::fail);
                case "vcard" -> export.vcard(me.teamId(), id)
                        .onSuccess(text -> ctx.response().setStatusCode(200)
                                .putHeader("Content-Type", "text/vcard; charset=utf-8")
                                .putHeader("Content-Disposition", "attachment; filename=\"contact-" + id + ".vcf\"")
                                .end(text))
                        .onFailure(ctx::fail);
                default -> throw ApiError.badRequest("format must be \"json\" or \"vcard\"");
            }
        });
    }
}
