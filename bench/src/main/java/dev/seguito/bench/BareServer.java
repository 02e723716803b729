package dev.seguito.bench;

import dev.seguito.db.DatabaseLocation;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

import java.util.function.BiConsumer;

/**
 * The baseline a benchmark compares Seguito with: the least a Vert.x server can do to answer, a handler on a bare
 * HTTP server with its own pool on the same database; no router, authentication, cache or metrics. Give it the same
 * pool size as Seguito's so the two compete for the database on equal terms.
 */
final class BareServer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    BareServer(DatabaseLocation db, int poolSize, BiConsumer<Pool, HttpServerRequest> handler) {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(poolSize).setMaxWaitQueueSize(2000))
                .connectingTo(db.connectOptions()).using(vertx).build();
        this.server = vertx.createHttpServer().requestHandler(req -> handler.accept(pool, req)).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        // closing the Vert.x instance closes its server and pool; chaining their closes first can hang on shutdown
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
