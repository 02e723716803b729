package dev.seguito;

import dev.seguito.api.ApiRouter;
import dev.seguito.api.CpuWork;
import dev.seguito.capture.CaptureProcessor;
import dev.seguito.capture.CaptureRoutes;
import dev.seguito.capture.CaptureService;
import dev.seguito.capture.ContactEntries;
import dev.seguito.capture.ImportService;
import dev.seguito.config.SeguitoConfig;
import dev.seguito.contacts.AddressEditor;
import dev.seguito.contacts.ContactEditor;
import dev.seguito.contacts.ContactQueries;
import dev.seguito.contacts.ContactRoutes;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.identity.DuplicateService;
import dev.seguito.interactions.InteractionService;
import dev.seguito.privacy.Privacy;
import dev.seguito.plugin.PluginDescriptor;
import dev.seguito.db.PeriodicPurge;
import dev.seguito.db.SharedWindows;
import dev.seguito.sync.Connectors;
import dev.seguito.sync.OutboxRetention;
import dev.seguito.sync.OutboxWorker;
import dev.seguito.sync.SyncAdmin;
import dev.seguito.sync.SyncRoutes;
import dev.seguito.team.EventStreamRoute;
import dev.seguito.team.AuditLog;
import dev.seguito.team.TeamEvents;
import dev.seguito.team.TeamRoutes;
import dev.seguito.team.TeamSettings;
import dev.seguito.team.TeamService;
import dev.seguito.touch.NextTouchService;
import dev.seguito.touch.TouchRoutes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Duration;

/** The composition root: builds every service once and wires the HTTP routes to them. */
public final class Services implements AutoCloseable {

    private final TeamService teams;
    private final ContactQueries contacts;
    private final InteractionService interactions;
    private final TeamEvents events;
    private final Privacy privacy;
    private final Router router;
    private final OutboxWorker outbox;
    private final PeriodicPurge outboxRetention;
    private final NextTouchService touches;
    private final CpuWork cpu;
    private final SharedWindows windows;

    private final PluginDescriptor descriptor;
    private final long recheckTimer;
    private final Vertx vertx;

    private Services(Vertx vertx, Pool pool, SeguitoConfig config, TeamService teams, TeamEvents events,
                     PrometheusMeterRegistry registry, PluginDescriptor descriptor) {
        this.descriptor = descriptor;
        this.vertx = vertx;
        this.teams = teams;
        this.events = events;
        this.contacts = new ContactQueries(pool);
        NextTouchService touches = new NextTouchService(pool);
        this.touches = touches;
        this.outbox = new OutboxWorker(vertx, pool, Connectors.fromConfig(vertx, config), config.outboxPollMillis()).start();
        this.outboxRetention = OutboxRetention.of(vertx, pool).start(Duration.ofHours(1));
        SyncAdmin sync = new SyncAdmin(pool, outbox.connectorName());
        this.interactions = new InteractionService(pool, touches::recompute);
        this.privacy = new Privacy(vertx, pool, config, contacts); // erase, export, raw-capture retention
        CaptureProcessor processor = new CaptureProcessor(touches::recomputeMany);
        this.cpu = new CpuWork(vertx);
        CaptureService captures = new CaptureService(cpu, pool, processor);
        ImportService imports = new ImportService(cpu, pool, processor);
        ContactEntries entries = new ContactEntries(pool, processor);
        imports.resumeUnfinished();
        this.recheckTimer = vertx.setPeriodic(Duration.ofMinutes(10).toMillis(), id -> touches.recheckDue(500));
        this.windows = SharedWindows.start(vertx, pool);
        this.router = ApiRouter.create(vertx, pool, config, teams, windows, registry, api -> {
            CaptureRoutes.mount(api, cpu, captures, imports, entries);
            ContactRoutes.mount(api, contacts, interactions,
                    new DuplicateService(pool, touches::recompute),
                    new ContactEditor(pool, touches::recompute, touches::recomputeMany), new AddressEditor(pool, touches::recompute));
            TouchRoutes.mount(api, touches);
            SyncRoutes.mount(api, sync, outbox);
            TeamRoutes.mount(api, teams, new TeamSettings(pool), new AuditLog(pool));
            EventStreamRoute.mount(api, events);
            privacy.mount(api);
        });
    }

    static Future<Services> create(Vertx vertx, Pool pool, DatabaseLocation db, SeguitoConfig config,
                                   TeamService teams, PrometheusMeterRegistry registry, PluginDescriptor descriptor) {
        return TeamEvents.listen(vertx, db.connectOptions())
                .map(events -> new Services(vertx, pool, config, teams, events, registry, descriptor));
    }

    public Router router() {
        return router;
    }

    public TeamService teams() {
        return teams;
    }

    public PluginDescriptor descriptor() {
        return descriptor;
    }

    public OutboxWorker outbox() {
        return outbox;
    }

    public NextTouchService touches() {
        return touches;
    }

    /** The per-minute counts of the rate limit and the pairing throttle. */
    public SharedWindows windows() {
        return windows;
    }

    public ContactQueries contacts() {
        return contacts;
    }

    @Override
    public void close() {
        privacy.close();
        vertx.cancelTimer(recheckTimer);
        outbox.close();
        outboxRetention.close();
        events.close();
        cpu.close();
        windows.close();
    }
}
