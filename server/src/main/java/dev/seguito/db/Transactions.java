package dev.seguito.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.util.function.Function;

/**
 * Transactions that run again when PostgreSQL aborts them as a deadlock victim or a serialization failure. The work
 * was rolled back whole, so running it once more is safe, and the member gets their change instead of a 500. Two
 * colleagues changing two contacts that are possible duplicates of each other can deadlock on the card versions both
 * raise (V10); captures and imports already retried, and every other write on contacts goes through here.
 *
 * <p>The work must keep no state of its own between attempts: whatever it collects, it collects anew each time.
 */
public final class Transactions {

    static final int ATTEMPTS = 3;

    private Transactions() {
    }

    public static <T> Future<T> withRetry(Pool pool, Function<SqlConnection, Future<T>> work) {
        return attempt(pool, work, 1);
    }

    private static <T> Future<T> attempt(Pool pool, Function<SqlConnection, Future<T>> work, int attempt) {
        return pool.withTransaction(work).recover(e -> PgErrors.isRetryable(e) && attempt < ATTEMPTS
                ? attempt(pool, work, attempt + 1)
                : Future.failedFuture(e));
    }
}
