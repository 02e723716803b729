package dev.seguito.api;

import dev.seguito.team.TeamService;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Puts the calling {@link dev.seguito.team.Member} on the context, or stops the request with 401. */
final class AuthHandler implements Handler<RoutingContext> {

    private final TeamService teams;

    AuthHandler(TeamService teams) {
        this.teams = teams;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.fail(ApiError.unauthorized("Send your access token as \"Authorization: Bearer <token>\"."));
            return;
        }
        teams.authenticate(header.substring(7).trim())
                .onSuccess(member -> {
                    ctx.put(Http.MEMBER, member);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }
}
