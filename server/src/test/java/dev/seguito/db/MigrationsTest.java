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
            // request_window counts per token and per client address: a client guessing a pairing code has no team
            assertThat(withoutTeamId).containsExactlyInAnyOrder("team", "server_setting", "request_window",
                    "flyway_schema_history");
        }
    }

    /**
     * A foreign key without an index is a full scan whenever rows are found by it from the referenced side, and a
     * full scan per capture once the base is large (V11). The keys left without one point at rows that are never
     * deleted and are never looked up from that side: members (revoked, not deleted) and captures (purged, not deleted).
     */
    @Test
    void everyForeignKeyHasAnIndexUnlessItsTargetIsNeverDeletedNorFollowedBack() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(TestDatabase.tempDir("seguito-fk-indexes").resolve("pg"))) {
            Migrations.migrate(db.location());
            Set<String> unindexed = new HashSet<>();
            try (Connection c = DriverManager.getConnection(db.location().jdbcUrl(), "postgres", "postgres");
                 ResultSet rs = c.createStatement().executeQuery("""
                         select c.conrelid::regclass || '.' || a.attname || ' -> ' || c.confrelid::regclass
                           from pg_constraint c
                           join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                          where c.contype = 'f'
                            and not exists (select 1 from pg_index i
                                             where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])""")) {
                while (rs.next()) {
                    unindexed.add(rs.getString(1));
                }
            }
            assertThat(unindexed).allMatch(fk -> fk.endsWith(" -> team_member") || fk.endsWith(" -> capture"),
                    "only keys to members or captures may lack an index");
            assertThat(unindexed).doesNotContain("capture.primary_party_id -> party",
                    "party_relationship.party_id_from -> party", "party.merged_into -> party");
        }
    }
}
