package dev.seguito.testing;

import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.EmbeddedDatabase;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;

/** A Vert.x instance and a pool on a test database, for tests that talk SQL without a server; closed together. */
public record TestPool(Vertx vertx, Pool pool, EmbeddedDatabase ownDatabase) implements AutoCloseable {

    /** On the shared test database. */
    public static TestPool onSharedDatabase() {
        return on(TestDatabase.shared(), null);
    }

    /** On a database of its own ({@link TestDatabase#dedicated}): no other test's rows, no server's workers. */
    public static TestPool onItsOwnDatabase() {
        EmbeddedDatabase db = TestDatabase.dedicated();
        return on(db.location(), db);
    }

    private static TestPool on(DatabaseLocation location, EmbeddedDatabase own) {
        Vertx vertx = Vertx.vertx();
        return new TestPool(vertx, PgBuilder.pool().connectingTo(location.connectOptions()).using(vertx).build(), own);
    }

    @Override
    public void close() {
        pool.close().await();
        vertx.close().await();
        if (ownDatabase != null) {
            ownDatabase.close();
        }
    }
}
