package dev.seguito.db;

import dev.seguito.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    @Test
    void migratingAnEmptyDatabaseCreatesTheWholeContactBaseAndRerunningAppliesNothing() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(TestDatabase.tempDir("seguito-migrations").resolve("pg"))) {
            assertThat(Migrations.migrate(db.location())).isPositive();
            assertThat(Migrations.migrate(db.location())).isZero();

            Set<String> tables = new HashSet<>();
            Set<String> withoutTeamId = new HashSet<>();
            try (Connection c = DriverManager.getConnection(db.location().jdbcUrl(), "postgres", "postgres")) {
                try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
                    while (rs.next()) {
                        tables.add(rs.getString("TABLE_NAME"));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rs = c.getMetaData().getColumns(null, "public", table, "team_id")) {
                        if (!rs.next()) {
                            withoutTeamId.add(table);
                        }
                    }
                }
            }
            assertThat(tables).containsAll(List.of("team", "team_member", "party", "person", "party_group",
                    "contact_mech", "party_contact_mech", "party_relationship", "communication_event",
                    "next_touch", "capture", "outbox"));
            assertThat(withoutTeamId).containsExactlyInAnyOrder("team", "server_setting", "flyway_schema_history");
        }
    }
}
