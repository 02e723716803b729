package dev.seguito.privacy;

import dev.seguito.config.SeguitoConfig;
import dev.seguito.contacts.ContactQueries;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

import java.time.Duration;

/** The privacy controls as one unit for the composition root: routes to mount, and the retention job to run. */
public final class Privacy implements AutoCloseable {

    static final Duration RETENTION_PERIOD = Duration.ofHours(1);

    private final ContactEraser eraser;
    private final ContactExport export;
    private final dev.seguito.db.PeriodicPurge retention;

    public Privacy(Vertx vertx, Pool pool, SeguitoConfig config, ContactQueries contacts) {
        this.eraser = new ContactEraser(pool, contacts::forget);
        this.export = new ContactExport(pool, contacts);
        this.retention = RawCaptureRetention.of(vertx, pool, config.rawCaptureRetention()).start(RETENTION_PERIOD);
    }

    public void mount(Router api) {
        PrivacyRoutes.mount(api, eraser, export);
    }

    @Override
    public void close() {
        retention.close();
    }
}
