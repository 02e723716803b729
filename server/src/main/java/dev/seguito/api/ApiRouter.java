package dev.seguito.api;

import dev.seguito.config.SeguitoConfig;
import dev.seguito.db.SharedWindows;
import dev.seguito.team.PairingThrottle;
import dev.seguito.team.TeamRoutes;
import dev.seguito.team.TeamService;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The HTTP surface: {@code /health}, {@code /metrics} and {@code /api/v1}. CORS admits only browser-extension
 * origins, bodies are size-limited after gzip decoding, and every API route but pairing is authenticated and
 * rate-limited per token.
 */
public final class ApiRouter {

    private ApiRouter() {
    }

    /** @param windows the per-minute counts of the rate limit and the pairing throttle, shared by every process */
    public static Router create(Vertx vertx, Pool pool, SeguitoConfig config, TeamService teams, SharedWindows windows,
                                PrometheusMeterRegistry registry, Consumer<Router> authenticatedRoutes) {
        Router root = Router.router(vertx);
        boolean https = config.tls().isPresent();
        root.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
            SecurityHeaders.apply(ctx.response());
            if (https) {
                // once a browser has reached the server over HTTPS, it never sends a token to it in clear again
                ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000");
            }
            ctx.next();
        });

        HealthChecks checks = HealthChecks.create(vertx).register("database", 2000, promise ->
                pool.query("select 1").execute().onSuccess(r -> promise.complete(Status.OK()))
                        .onFailure(e -> promise.complete(Status.KO())));
        root.get("/health").handler(HealthCheckHandler.createWithHealthChecks(checks));
        root.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
        root.route("/admin/*").handler(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                    .putHeader("X-Frame-Options", "DENY").putHeader("Cache-Control", "no-store");
            ctx.next();
        });
        root.route("/admin/*").handler(StaticHandler.create("webroot/admin").setCachingEnabled(false));
        root.get("/admin").handler(ctx -> ctx.redirect("/admin/"));

        Router api = Router.router(vertx);
        CorsHandler cors = CorsHandler.create()
                .addOriginWithRegex("^(chrome|moz)-extension://[A-Za-z0-9._-]+$")
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE))
                .allowedHeaders(Set.of("Authorization", "Content-Type", "Content-Encoding", "Idempotency-Key"))
                .maxAgeSeconds(600);
        // the admin page is served by this server: its own origin is not a cross-origin caller
        api.route().handler(ctx -> {
            if (isSameOrigin(ctx)) {
                ctx.next();
            } else {
                cors.handle(ctx);
            }
        });
        api.route().handler(BodyHandler.create(false).setBodyLimit(config.maxBodyBytes()));
        api.route().handler(new GzipBodies((int) Math.min(Integer.MAX_VALUE - 16, config.maxBodyBytes())));
        TeamRoutes.mountPairing(api, teams, new PairingThrottle(windows), new ClientAddress(config.trustedProxies()));
        api.route().handler(new AuthHandler(teams));
        api.route().handler(new RateLimiter(config.rateLimitPerMinute(), windows));
        authenticatedRoutes.accept(api);
        api.route().handler(ctx -> ctx.fail(ApiError.notFound("No such API route: " + ctx.request().method() + " " + ctx.request().path())));
        api.route().failureHandler(new FailureHandler());

        root.route("/api/v1/*").subRouter(api);
        root.route().failureHandler(new FailureHandler());
        return root;
    }

    private static boolean isSameOrigin(io.vertx.ext.web.RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String host = ctx.request().getHeader("Host");
        return origin != null && host != null
                && (origin.equals("http://" + host) || origin.equals("https://" + host))
                && ctx.request().method() != HttpMethod.OPTIONS;
    }
}
