package dev.seguito.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-token fixed one-minute window: a runaway script or a stolen token cannot flood the shared database.
 * Counted per server process; with N processes behind a balancer the effective limit is at most N times this.
 */
final class RateLimiter implements Handler<RoutingContext> {

    private final int perMinute;
    private final Cache<String, AtomicInteger> windows = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    RateLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String key = Http.member(ctx).tokenId().toString();
        int count = windows.get(key, k -> new AtomicInteger()).incrementAndGet();
        if (count > perMinute) {
            ctx.response().putHeader("Retry-After", "60");
            ctx.fail(new ApiError(429, "rate_limited", "Too many requests for this token; try again in a minute."));
            return;
        }
        ctx.next();
    }
}
