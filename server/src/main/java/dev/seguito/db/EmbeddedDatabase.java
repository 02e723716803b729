package dev.seguito.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The zero-setup default: a real PostgreSQL 17 started from the embedded binaries, with its data kept in a folder
 * so that contacts survive restarts. Used when no {@code DATABASE_URL} is given, and by the tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final String DATABASE = "seguito";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free port with its data in {@code dataDir} (created and initialised when empty). */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, 0);
    }

    /**
     * Starts PostgreSQL on {@code port} (0: a free one) with its data in {@code dataDir}. Starting again on the same
     * port and folder after {@link #close()} is a database restart as clients see it: same address, same data.
     */
    public static EmbeddedDatabase start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            createDatabaseIfMissing(postgres);
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database: " + e.getMessage(), e);
        }
    }

    public DatabaseLocation location() {
        return new DatabaseLocation("localhost", postgres.getPort(), DATABASE, "postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
