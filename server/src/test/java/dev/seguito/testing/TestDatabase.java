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

    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
