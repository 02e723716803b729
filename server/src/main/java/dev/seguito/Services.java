package dev.seguito;

import dev.seguito.api.ApiRouter;
import dev.seguito.capture.CaptureProcessor;
import dev.seguito.capture.CaptureRoutes;
import dev.seguito.capture.CaptureService;
import dev.seguito.config.SeguitoConfig;
import dev.seguito.contacts.ContactEditor;
import dev.seguito.contacts.ContactQueries;
import dev.seguito.contacts.ContactRoutes;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.identity.DuplicateService;
import dev.seguito.interactions.InteractionService;
import dev.seguito.privacy.Privacy;
import dev.seguito.team.EventStreamRoute;
import dev.seguito.team.TeamEvents;
import dev.seguito.team.TeamRoutes;
import dev.seguito.team.TeamService;
import dev.seguito.touch.NextTouchService;
import dev.seguito.touch.TouchRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** The composition root: builds every service once and wires the HTTP routes to them. */
public final class Services implements AutoCloseable {

    private final TeamService teams;
    private final ContactQueries contacts;
    private final InteractionService interactions;
    private final TeamEvents events;
    private final Privacy privacy;
    private final Router router;

    private Services(Vertx vertx, Pool pool, SeguitoConfig config, TeamService teams, TeamEvents events,
                     PrometheusMeterRegistry registry) {
        this.teams = teams;
        this.events = events;
        this.contacts = new ContactQueries(pool);
        NextTouchService touches = new NextTouchService(pool);
        this.interactions = new InteractionService(pool, touches::recompute);
        CaptureService captures = new CaptureService(vertx, pool, new CaptureProcessor(touches::recompute));
        this.privacy = new Privacy(vertx, pool, config, contacts); // erase, export, raw-capture retention
        this.router = ApiRouter.create(vertx, pool, config, teams, registry, api -> {
            CaptureRoutes.mount(api, captures);
            ContactRoutes.mount(api, contacts, interactions,
                    new DuplicateService(pool, touches::recompute, contacts::invalidateLookups),
                    new ContactEditor(pool, touches::recompute));
            TouchRoutes.mount(api, touches);
            TeamRoutes.mount(api, teams);
            EventStreamRoute.mount(api, events);
            privacy.mount(api);
        });
    }

    static Future<Services> create(Vertx vertx, Pool pool, DatabaseLocation db, SeguitoConfig config,
                                   TeamService teams, PrometheusMeterRegistry registry) {
        return TeamEvents.listen(vertx, db.connectOptions())
                .map(events -> new Services(vertx, pool, config, teams, events, registry));
    }

    public Router router() {
        return router;
    }

    public TeamService teams() {
        return teams;
    }

    @Override
    public void close() {
        privacy.close();
        events.close();
    }
}
