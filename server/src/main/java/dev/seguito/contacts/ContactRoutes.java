package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.identity.DuplicateService;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.interactions.InteractionService;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.team.Member;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.util.Optional;
import java.util.UUID;

import static dev.seguito.api.Http.body;
import static dev.seguito.api.Http.idParam;
import static dev.seguito.api.Http.intParam;
import static dev.seguito.api.Http.json;
import static dev.seguito.api.Http.member;
import static dev.seguito.api.Http.respond;

/** Contact cards, the side panel's look-ups (of people and of companies), search, timelines and hand-logged touches. */
public final class ContactRoutes {

    private ContactRoutes() {
    }

    public static void mount(Router api, ContactQueries contacts, InteractionService interactions,
                             DuplicateService duplicates, ContactEditor editor, AddressEditor addresses) {
        api.patch("/contacts/:contactId").handler(ctx -> respond(ctx, 200,
                editor.edit(member(ctx), idParam(ctx, "contactId"), body(ctx))
                        .compose(v -> contacts.card(member(ctx).teamId(), idParam(ctx, "contactId")))
                        .map(Optional::orElseThrow)));
        api.post("/contacts/:contactId/addresses").handler(ctx -> respond(ctx, 200,
                addresses.addAddress(member(ctx), idParam(ctx, "contactId"), ContactAddress.toAdd(body(ctx)))
                        .compose(v -> contacts.card(member(ctx).teamId(), idParam(ctx, "contactId")))
                        .map(Optional::orElseThrow)));
        api.delete("/contacts/:contactId/addresses").handler(ctx -> respond(ctx, 200,
                addresses.removeAddress(member(ctx), idParam(ctx, "contactId"), ContactAddress.toRemove(
                                ctx.request().getParam("email"), ctx.request().getParam("phone"), ctx.request().getParam("website")))
                        .compose(v -> contacts.card(member(ctx).teamId(), idParam(ctx, "contactId")))
                        .map(Optional::orElseThrow)));
        api.post("/contacts/:contactId/duplicates/:otherId/confirm").handler(ctx -> respond(ctx, 200,
                duplicates.confirm(member(ctx), idParam(ctx, "contactId"), idParam(ctx, "otherId"))
                        .compose(v -> contacts.card(member(ctx).teamId(), idParam(ctx, "contactId")))
                        .map(Optional::orElseThrow)));
        api.post("/contacts/:contactId/duplicates/:otherId/reject").handler(ctx -> respond(ctx, 200,
                duplicates.reject(member(ctx), idParam(ctx, "contactId"), idParam(ctx, "otherId"))
                        .map(v -> new JsonObject().put("rejected", true))));
        api.get("/contacts/lookup").handler(ctx -> {
            Member me = member(ctx);
            String linkedinUrl = ctx.request().getParam("linkedinUrl");
            String email = ctx.request().getParam("email");
            Future<Optional<Buffer>> card;
            if (linkedinUrl != null) {
                String slug = LinkedInUrls.slug(linkedinUrl);
                if (slug == null) {
                    throw ApiError.badRequest("linkedinUrl is not a LinkedIn profile URL (…/in/<name>/)");
                }
                card = contacts.lookup(me.teamId(), "linkedin", slug);
            } else if (email != null && email.contains("@")) {
                card = contacts.lookup(me.teamId(), "email", IdentityKeys.email(email));
            } else {
                throw ApiError.badRequest("Give linkedinUrl or email");
            }
            respond(ctx, 200, card.map(found -> found.orElseThrow(
                    () -> ApiError.notFound("This person is not in your team's contacts yet"))));
        });
        api.get("/companies/lookup").handler(ctx -> {
            String slug = LinkedInUrls.companySlug(ctx.request().getParam("linkedinUrl"));
            if (slug == null) {
                throw ApiError.badRequest("Give linkedinUrl, a LinkedIn company page URL (…/company/<name>/)");
            }
            respond(ctx, 200, contacts.company(member(ctx).teamId(), slug).map(found -> found.orElseThrow(
                    () -> ApiError.notFound("No one in your team has captured this company page yet"))));
        });
        api.get("/contacts").handler(ctx -> respond(ctx, 200, contacts.search(member(ctx).teamId(),
                ctx.request().getParam("q"), ctx.request().getParam("tag"), intParam(ctx, "limit", 20, 1, 200), intParam(ctx, "offset", 0, 0, 1_000_000))));
        api.get("/contacts/:contactId").handler(ctx -> respond(ctx, 200,
                contacts.currentCard(member(ctx).teamId(), idParam(ctx, "contactId"))
                        .map(card -> card.orElseThrow(() -> ApiError.notFound("No such contact in your team")))));
        api.get("/contacts/:contactId/timeline").handler(ctx -> {
            Member me = member(ctx);
            UUID id = idParam(ctx, "contactId");
            int limit = intParam(ctx, "limit", 50, 1, 500);
            int offset = intParam(ctx, "offset", 0, 0, 1_000_000);
            respond(ctx, 200, contacts.card(me.teamId(), id)
                    .compose(card -> card.isEmpty()
                            ? Future.failedFuture(ApiError.notFound("No such contact in your team"))
                            : contacts.timeline(me.teamId(), id, limit, offset))
                    .map(items -> new JsonObject().put("items", items)));
        });
        api.post("/contacts/:contactId/interactions").handler(ctx -> interactions.log(member(ctx),
                        idParam(ctx, "contactId"), body(ctx))
                .onSuccess(logged -> json(ctx, logged.status(), logged.interaction()))
                .onFailure(ctx::fail));
    }
}
