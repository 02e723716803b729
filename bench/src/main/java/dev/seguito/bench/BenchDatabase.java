package dev.seguito.bench;

import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.db.Migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away embedded PostgreSQL for one benchmark run, migrated with the server's own Flyway scripts, so every
 * run starts from the same empty schema and leaves nothing behind.
 */
public final class BenchDatabase implements AutoCloseable {

    private final Path dir;
    private final EmbeddedDatabase database;

    private BenchDatabase(Path dir, EmbeddedDatabase database) {
        this.dir = dir;
        this.database = database;
    }

    public static BenchDatabase start() {
        try {
            Path dir = Files.createTempDirectory("seguito-bench-pg");
            EmbeddedDatabase db = EmbeddedDatabase.start(dir);
            Migrations.migrate(db.location());
            return new BenchDatabase(dir, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same, with pg_stat_statements loaded (the embedded binaries ship it; it must be preloaded, so PostgreSQL is
     * started twice): per-statement timings for {@link CaptureStatementsBench}.
     */
    public static BenchDatabase startWithStatementStats() {
        try {
            Path dir = Files.createTempDirectory("seguito-bench-pg");
            EmbeddedDatabase first = EmbeddedDatabase.start(dir);
            int port = first.location().port();
            try (Connection c = DriverManager.getConnection(first.location().jdbcUrl(), "postgres", "postgres")) {
                c.createStatement().execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            }
            first.close();
            EmbeddedDatabase db = EmbeddedDatabase.start(dir, port);
            Migrations.migrate(db.location());
            BenchDatabase bench = new BenchDatabase(dir, db);
            bench.execute("create extension if not exists pg_stat_statements");
            return bench;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DatabaseLocation location() {
        return database.location();
    }

    public Connection jdbc() throws SQLException {
        DatabaseLocation l = location();
        return DriverManager.getConnection(l.jdbcUrl(), l.user(), l.password());
    }

    /** Runs one statement over JDBC (ANALYZE, VACUUM, settings). */
    public void execute(String sql) {
        try (Connection c = jdbc(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
