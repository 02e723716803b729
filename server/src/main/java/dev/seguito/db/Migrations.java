package dev.seguito.db;

import org.flywaydb.core.Flyway;

/** Brings the schema up to date with Flyway before the server accepts any request. */
public final class Migrations {

    private Migrations() {
    }

    public static int migrate(DatabaseLocation db) {
        Flyway flyway = Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load();
        return flyway.migrate().migrationsExecuted;
    }
}
