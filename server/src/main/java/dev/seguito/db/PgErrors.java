package dev.seguito.db;

import io.vertx.pgclient.PgException;

/** PostgreSQL error classes the application reacts to. */
public final class PgErrors {

    private PgErrors() {
    }

    public static boolean isUniqueViolation(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    /** Serialization failures, deadlocks and {@link ChangedMeanwhile}: the transaction can simply run again. */
    public static boolean isRetryable(Throwable e) {
        if (e instanceof ChangedMeanwhile) {
            return true;
        }
        return e instanceof PgException pg && ("40001".equals(pg.getSqlState()) || "40P01".equals(pg.getSqlState()));
    }
}
