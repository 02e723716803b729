package dev.seguito.testing;

import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.db.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real embedded PostgreSQL for the whole test JVM, migrated once. Tests isolate themselves by creating their own
 * team, which is also what proves team isolation.
 */
public final class TestDatabase {

    private static EmbeddedDatabase shared;

    private TestDatabase() {
    }

    public static synchronized DatabaseLocation shared() {
        if (shared == null) {
            shared = EmbeddedDatabase.start(tempDir("seguito-test-pg"));
            Migrations.migrate(shared.location());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared.location();
    }

    /**
     * A database of its own, for tests whose background workers must not meet other tests' rows (the outbox is
     * shared by every server on a database). Closed by the caller.
     */
    public static EmbeddedDatabase dedicated() {
        EmbeddedDatabase db = EmbeddedDatabase.start(tempDir("seguito-test-pg-own"));
        Migrations.migrate(db.location());
        return db;
    }

    /**
     * Forgets the per-minute request counts every server on the shared database adds to ({@code request_window}):
     * wrong pairing codes all come from 127.0.0.1 here, so one test's guesses would hold back the next test's
     * pairing within the same minute. Called once a test's servers are closed, so none adds to them afterwards.
     */
    public static void forgetRequestCounts() {
        DatabaseLocation db = shared();
        try (var connection = java.sql.DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             var statement = connection.createStatement()) {
            statement.execute("delete from request_window");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
