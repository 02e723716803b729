package dev.seguito.sync;

import io.vertx.core.Future;

/**
 * For teams without an external CRM: the server's own PostgreSQL is the shared contact base, so there is nothing to
 * send and every outbox row is delivered at once.
 */
public final class EmbeddedStoreConnector implements CrmConnector {

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public Future<Void> checkConnection() {
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> install() {
        return Future.succeededFuture();
    }

    @Override
    public Future<CrmResult> deliver(SyncRecord record) {
        return Future.succeededFuture(CrmResult.delivered());
    }
}
