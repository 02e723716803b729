package dev.seguito.api;

import dev.seguito.db.SharedWindows;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * A per-token limit in one-minute windows of the clock: a runaway script or a stolen token cannot flood the shared
 * database. Counted in {@link SharedWindows}, so it holds for the sum of every server process's requests.
 */
final class RateLimiter implements Handler<RoutingContext> {

    private final int perMinute;
    private final SharedWindows windows;

    RateLimiter(int perMinute, SharedWindows windows) {
        this.perMinute = perMinute;
        this.windows = windows;
    }

    @Override
    public void handle(RoutingContext ctx) {
        int count = windows.add("token:" + Http.member(ctx).tokenId());
        if (count > perMinute) {
            ctx.response().putHeader("Retry-After", Long.toString(windows.secondsLeft()));
            ctx.fail(new ApiError(429, "rate_limited", "Too many requests for this token; try again in a minute."));
            return;
        }
        ctx.next();
    }
}
