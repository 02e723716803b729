package dev.seguito.testing;

import dev.seguito.SeguitoServer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

import java.util.Set;
import java.util.TreeSet;

/** The endpoints of a running server's {@code /api/v1} router, so that tests over every route notice a new one. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /** "METHOD /path" of every route on the {@code /api/v1} sub-router, e.g. {@code GET /contacts/:contactId}. */
    public static Set<String> of(SeguitoServer server) {
        Router root = server.services().router();
        Router api = root.getRoutes().stream().map(Route::getSubRouter).filter(r -> r != null).findFirst()
                .orElseThrow(() -> new AssertionError("no /api/v1 sub-router"));
        Set<String> routes = new TreeSet<>();
        for (Route route : api.getRoutes()) {
            if (route.getPath() == null || route.methods() == null || route.methods().isEmpty()) {
                continue; // CORS, body, auth, rate limit, the 404 catch-all: not endpoints
            }
            for (HttpMethod method : route.methods()) {
                routes.add(method.name() + " " + route.getPath());
            }
        }
        if (!routes.contains("GET /contacts/:contactId")) {
            throw new AssertionError("the router was not read: " + routes);
        }
        return routes;
    }
}
