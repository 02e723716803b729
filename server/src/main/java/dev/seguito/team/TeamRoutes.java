package dev.seguito.team;

import dev.seguito.api.ApiError;
import dev.seguito.api.ClientAddress;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import static dev.seguito.api.Http.body;
import static dev.seguito.api.Http.idParam;
import static dev.seguito.api.Http.intParam;
import static dev.seguito.api.Http.json;
import static dev.seguito.api.Http.member;
import static dev.seguito.api.Http.optionalText;
import static dev.seguito.api.Http.respond;

/** Who am I, members, pairing codes, tokens, team settings and the audit log (docs/api.md, "Pairing" and "Team administration"). */
public final class TeamRoutes {

    private TeamRoutes() {
    }

    /**
     * The one unauthenticated API route: a pairing code is the credential, so wrong codes are throttled per client
     * address ({@link PairingThrottle}); a throttled request is refused before its code is looked at.
     */
    public static void mountPairing(Router api, TeamService teams, PairingThrottle throttle, ClientAddress clients) {
        api.post("/pair").handler(ctx -> {
            String address = clients.of(ctx.request());
            if (!throttle.allows(address)) {
                ctx.response().putHeader("Retry-After", Long.toString(throttle.secondsLeft()));
                throw new ApiError(429, "rate_limited", "Too many wrong pairing codes from here; wait a minute, "
                        + "then check the code with your admin (codes work once).");
            }
            JsonObject body = body(ctx);
            String code = body.getString("code");
            if (code == null || code.isBlank()) {
                throw ApiError.badRequest("\"code\" is required: the pairing code your admin gave you");
            }
            String device = optionalText(body, "deviceName", "browser");
            respond(ctx, 201, teams.pair(code, device.length() > 100 ? device.substring(0, 100) : device)
                    .onFailure(e -> {
                        if (e instanceof ApiError error && error.status() == 401) {
                            throttle.wrongCode(address);
                        }
                    })
                    .map(p -> new JsonObject().put("token", p.token()).put("member", p.member().toJson())
                            .put("team", team(p.member()))));
        });
    }

    public static void mount(Router api, TeamService teams, TeamSettings settings, AuditLog audit) {
        api.get("/me").handler(ctx -> {
            Member me = member(ctx);
            json(ctx, 200, new JsonObject().put("member", me.toJson()).put("team", team(me)).put("role", me.role())
                    .put("tokenId", me.tokenId().toString()));
        });
        api.post("/me/logout").handler(ctx -> {
            Member me = member(ctx);
            respond(ctx, 200, teams.revoke(me, me.tokenId()).map(v -> new JsonObject().put("revoked", true)));
        });
        api.get("/team/members").handler(ctx -> respond(ctx, 200,
                teams.members(member(ctx)).map(items -> new JsonObject().put("items", items))));
        api.post("/team/members").handler(ctx -> {
            JsonObject body = body(ctx);
            String name = optionalText(body, "name", null);
            String email = optionalText(body, "email", null);
            if (name == null || email == null || !email.contains("@")) {
                throw ApiError.badRequest("\"name\" and a valid \"email\" are required");
            }
            respond(ctx, 201, teams.addMember(member(ctx), name, email, optionalText(body, "role", "member"))
                    .map(m -> new JsonObject().put("member", m.member().toJson()).put("pairingCode", m.pairingCode())));
        });
        api.post("/team/members/:memberId/pairing-code").handler(ctx -> respond(ctx, 201,
                teams.newPairingCode(member(ctx), idParam(ctx, "memberId"))
                        .map(code -> new JsonObject().put("pairingCode", code))));
        api.get("/team/tokens").handler(ctx -> respond(ctx, 200,
                teams.tokens(member(ctx)).map(items -> new JsonObject().put("items", items))));
        api.delete("/team/tokens/:tokenId").handler(ctx -> respond(ctx, 200,
                teams.revoke(member(ctx), idParam(ctx, "tokenId")).map(v -> new JsonObject().put("revoked", true))));
        api.get("/team/settings").handler(ctx -> respond(ctx, 200, settings.read(member(ctx))));
        api.patch("/team/settings").handler(ctx -> respond(ctx, 200, settings.change(member(ctx), body(ctx))));
        api.get("/team/audit").handler(ctx -> {
            String before = ctx.request().getParam("before");
            if (before != null && !before.matches("\\d{1,18}")) {
                throw ApiError.badRequest("before must be the \"next\" of the previous page");
            }
            respond(ctx, 200, audit.recent(member(ctx), intParam(ctx, "limit", 50, 1, 200),
                    before == null ? null : Long.valueOf(before)));
        });
    }

    private static JsonObject team(Member m) {
        return new JsonObject().put("id", m.teamId().toString()).put("name", m.teamName());
    }
}
