package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seguito.sync.SyncRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Creates OFBiz's real PostgreSQL tables for the party subset (generated from OFBiz's entity XML and
 * fieldtypepostgres.xml), loads OFBiz's and Seguito's seed rows, then writes every row Seguito's mapping causes for a
 * realistic sample, in order. Types, lengths, NOT NULL keys and foreign-key order must all fit.
 */
class OfbizSchemaCompatibilityTest {

    /** The party subset; foreign keys to anything else (Uom, UserLogin, Enumeration, ContactList…) are left out. */
    static final List<String> SUBSET = List.of("Party", "PartyType", "Person", "PartyGroup", "PartyRole", "RoleType",
            "PartyStatus", "StatusItem", "StatusType", "PartyRelationship", "PartyRelationshipType", "ContactMech",
            "ContactMechType", "ContactMechPurposeType", "PartyContactMech", "PartyContactMechPurpose", "TelecomNumber",
            "CommunicationEvent", "CommunicationEventType", "CommunicationEventRole", "PartyDataSource", "DataSource",
            "DataSourceType", "PartyAttribute", "PartyNote", "NoteData", "SeguitoCaptureSource", "SeguitoNextTouch");

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static EmbeddedPostgres postgres;
    private static OfbizEntityModel model;
    private static OfbizPostgresDdl ddl;
    private static Path shared;
    private static Path component;

    @BeforeAll
    static void createOfbizSchema() throws Exception {
        shared = OfbizReference.requireSharedOfbiz();
        component = OfbizReference.component();
        model = SchemaFiles.model(shared, component);
        ddl = new OfbizPostgresDdl(model, SUBSET);
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = connection(); Statement s = c.createStatement()) {
            for (String statement : ddl.statements()) {
                s.execute(statement);
            }
        }
        loadSeed(List.of(shared.resolve("framework/applications/datamodel/data/seed/PartySeedData.xml"),
                component.resolve("data/SeguitoSeedData.xml")));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void generatedTablesHaveOfbizColumnTypesStampsAndKeys() throws Exception {
        try (Connection c = connection()) {
            assertEquals("character varying(20) NO", column(c, "party", "party_id"));
            assertEquals("character varying(20) YES", column(c, "party", "external_id"));
            assertEquals("character varying(255) YES", column(c, "communication_event", "message_id"));
            assertEquals("timestamp with time zone YES", column(c, "party", "last_updated_tx_stamp"));
            assertEquals("timestamp with time zone YES", column(c, "party_contact_mech", "created_stamp"));
            assertEquals("character(1) YES", column(c, "party_data_source", "is_create"));
            assertEquals("character(1) YES", column(c, "person", "marital_status")); // col-name override honoured
        }
        assertTrue(ddl.droppedForeignKeys().stream().noneMatch(fk -> SUBSET.contains(fk.substring(fk.indexOf("-> ") + 3))));
        assertTrue(ddl.droppedForeignKeys().contains("CommunicationEvent.COM_EVNT_CLST -> ContactList"),
                ddl.droppedForeignKeys().toString());
    }

    @Test
    void messageIdIsUniqueSoAnEmailCannotBeLoggedTwice() throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO communication_event (communication_event_id, message_id) VALUES ('DUPTEST1', '<dup@x>')");
            SQLException duplicate = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () ->
                    s.execute("INSERT INTO communication_event (communication_event_id, message_id) VALUES ('DUPTEST2', '<dup@x>')"));
            assertEquals("23505", duplicate.getSQLState());
        }
    }

    @Test
    void everyRowOfTheMappingFitsOfbizTablesInOrder() throws Exception {
        OfbizMapping mapping = new OfbizMapping(Clock.fixed(NOW, ZoneOffset.UTC));
        OfbizServiceEffects effects = new OfbizServiceEffects(model, NOW.toEpochMilli());
        String janeId = "0b6c3f5e-8d0c-4a51-9d4e-3c1f2a9e7b10";
        String interaction1 = "5f0e1c2d-0000-4000-8000-000000000001";
        String interaction2 = "5f0e1c2d-0000-4000-8000-000000000002";
        SyncRecord jane = SyncRecord.contactUpsert(janeId, new JsonObject()
                .put("firstName", "Jane").put("lastName", "Doe").put("fullName", "Jane Doe")
                .put("title", "Head of Sales").put("company", "Acme S.p.A.")
                .put("headline", "Head of Sales at Acme | B2B growth").put("location", "Milan, Lombardy, Italy")
                .put("about", "I help manufacturers sell across Europe.\n\n" + "Twenty years in B2B sales. ".repeat(90))
                .put("emails", new JsonArray().add("Jane.Doe@acme.example").add("jane@gmail.example"))
                .put("phones", new JsonArray().add("+390212345678").add("+393471234567"))
                .put("linkedinUrl", "https://www.linkedin.com/in/jane-doe/").put("website", "https://acme.example")
                .put("source", "linkedin_profile").put("sourceUrl", "https://www.linkedin.com/in/jane-doe/")
                .put("captureId", "c0ffee00-0000-4000-8000-000000000001").put("capturedAt", "2026-11-24T08:59:00Z")
                .put("capturedBy", "Marco Rossi"));
        SyncRecord inbound = SyncRecord.interactionCreate(interaction1, new JsonObject().put("type", "email")
                .put("direction", "inbound").put("occurredAt", "2026-11-20T10:15:00Z").put("subject", "Re: proposal")
                .put("messageId", "<CAF=abc123@mail.gmail.com>").put("fromContactExternalId", janeId)
                .put("teamMemberName", "Marco Rossi"));
        SyncRecord outbound = SyncRecord.interactionCreate(interaction2, new JsonObject().put("type", "email")
                .put("direction", "outbound").put("occurredAt", "2026-11-21T09:00:00Z").put("subject", "Next steps")
                .put("messageId", "<20261121090000.1234@seguito.example>").put("toContactExternalId", janeId)
                .put("teamMemberName", "Marco Rossi"));

        List<OfbizCall> calls = new ArrayList<>(mapping.contactUpsert(jane, PartySnapshot.NOT_FOUND, PartySnapshot.NOT_FOUND));
        calls.addAll(mapping.interactionCreate(inbound, null));
        calls.addAll(mapping.interactionCreate(outbound, null));
        // job change: the same contact now at another company, with OFBiz holding the first employment
        String janeParty = OfbizIds.contactParty(janeId);
        PartySnapshot janeInOfbiz = new PartySnapshot(janeParty, "PARTY_ENABLED", "Jane", "Doe", "Head of Sales", null,
                java.util.Set.of("CONTACT"), List.of(), List.of(new PartySnapshot.Employment(OfbizIds.companyParty("Acme S.p.A."),
                "ACCOUNT", janeParty, "CONTACT", NOW.toEpochMilli(), "Head of Sales")),
                java.util.Set.of("SEGUITO_LINKEDIN"), java.util.Set.of(),
                java.util.Map.of("SEGUITO_HEADLINE", "Head of Sales at Acme | B2B growth", "SEGUITO_LOCATION", "Milan, Lombardy, Italy"),
                "I help manufacturers sell across Europe.");
        SyncRecord moved = SyncRecord.contactUpsert(janeId, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("title", "VP Sales").put("company", "Globex").put("headline", "VP Sales at Globex")
                .put("location", "Milan, Lombardy, Italy").put("about", "VP Sales at Globex since November."));
        OfbizMapping later = new OfbizMapping(Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC));
        calls.addAll(later.contactUpsert(moved, janeInOfbiz, PartySnapshot.NOT_FOUND));

        int written = 0;
        try (Connection c = connection()) {
            for (OfbizCall call : calls) {
                for (OfbizServiceEffects.Write write : effects.effects(call)) {
                    write(c, write, call);
                    written++;
                }
            }
            // a bounce: the private address OFBiz holds is ended, the other one stays
            String gmail = effects.contactMechId(janeParty, "jane@gmail.example");
            PartySnapshot withMechs = new PartySnapshot(janeParty, "PARTY_ENABLED", "Jane", "Doe", "VP Sales", null,
                    java.util.Set.of("CONTACT"), List.of(
                    new PartySnapshot.ContactMech(effects.contactMechId(janeParty, "jane.doe@acme.example"), "EMAIL_ADDRESS",
                            "jane.doe@acme.example", null, null, null, java.util.Set.of("PRIMARY_EMAIL")),
                    new PartySnapshot.ContactMech(gmail, "EMAIL_ADDRESS", "jane@gmail.example", null, null, null,
                            java.util.Set.of("OTHER_EMAIL"))), List.of(),
                    java.util.Set.of("SEGUITO_LINKEDIN"), java.util.Set.of(), java.util.Map.of(), null);
            SyncRecord bounced = SyncRecord.contactUpsert(janeId, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                    .put("title", "VP Sales").put("emails", new JsonArray().add("jane.doe@acme.example"))
                    .put("bouncedEmails", new JsonArray().add("jane@gmail.example")));
            for (OfbizCall call : later.contactUpsert(bounced, withMechs, PartySnapshot.NOT_FOUND)) {
                for (OfbizServiceEffects.Write write : effects.effects(call)) {
                    write(c, write, call);
                    written++;
                }
            }
            assertEquals(1, count(c, "party_contact_mech WHERE thru_date IS NOT NULL AND contact_mech_id = '" + gmail + "'"));
            assertEquals(1, count(c, "person"));
            assertEquals(2, count(c, "party_group"));
            assertEquals(6, count(c, "party_contact_mech"), "2 emails, 2 phones, LinkedIn URL, website");
            assertEquals(1, count(c, "telecom_number WHERE contact_number = '0212345678' AND country_code = '39'"));
            assertEquals(1, count(c, "party_contact_mech_purpose WHERE contact_mech_purpose_type_id = 'LINKEDIN_URL'"));
            assertEquals(1, count(c, "party_contact_mech_purpose WHERE contact_mech_purpose_type_id = 'PHONE_MOBILE'"));
            assertEquals(2, count(c, "communication_event WHERE communication_event_type_id = 'EMAIL_COMMUNICATION'"));
            assertEquals(2, count(c, "communication_event_role"));
            assertEquals(2, count(c, "party_relationship WHERE party_relationship_type_id = 'EMPLOYMENT'"));
            assertEquals(1, count(c, "party_relationship WHERE thru_date IS NOT NULL AND role_type_id_from = 'ACCOUNT'"));
            assertEquals(1, count(c, "person WHERE occupation = 'VP Sales'"));
            assertEquals(1, count(c, "party_attribute WHERE attr_name = 'SEGUITO_HEADLINE' AND attr_value = 'VP Sales at Globex'"));
            assertEquals(1, count(c, "party_attribute WHERE attr_name = 'SEGUITO_LOCATION' AND attr_value = 'Milan, Lombardy, Italy'"));
            assertEquals(1, count(c, "party_note"));
            assertEquals(1, count(c, "note_data WHERE note_name = 'SEGUITO_ABOUT' AND note_info = 'VP Sales at Globex since November.'"));
            assertEquals(1, count(c, "seguito_capture_source"));
            assertEquals(1, count(c, "party_data_source WHERE data_source_id = 'SEGUITO_LINKEDIN'"));
        }
        assertTrue(written > 25, "rows written: " + written);
    }

    private static void write(Connection c, OfbizServiceEffects.Write write, OfbizCall call) throws SQLException {
        OfbizEntityModel.Entity entity = model.entity(write.entity());
        List<String> fields = new ArrayList<>(write.fields().keySet());
        String sql;
        List<String> order;
        if (write.update()) {
            List<String> sets = fields.stream().filter(f -> !entity.primaryKey().contains(f)).toList();
            assertFalse(sets.isEmpty(), call + " updates nothing");
            assertTrue(fields.containsAll(entity.primaryKey()), call + " lacks the primary key of " + entity.name());
            sql = "UPDATE " + entity.tableName() + " SET " + sets.stream().map(f -> entity.field(f).columnName() + " = ?")
                    .collect(Collectors.joining(", ")) + " WHERE " + entity.primaryKey().stream()
                    .map(f -> entity.field(f).columnName() + " = ?").collect(Collectors.joining(" AND "));
            order = new ArrayList<>(sets);
            order.addAll(entity.primaryKey());
        } else {
            sql = "INSERT INTO " + entity.tableName() + " (" + fields.stream().map(f -> entity.field(f).columnName())
                    .collect(Collectors.joining(", ")) + ") VALUES (" + "?, ".repeat(fields.size() - 1) + "?)";
            order = fields;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < order.size(); i++) {
                OfbizEntityModel.Field field = entity.field(order.get(i));
                ps.setObject(i + 1, OfbizServiceEffects.jdbcValue(field, write.fields().get(order.get(i))));
            }
            int rows = ps.executeUpdate();
            assertEquals(1, rows, call + " → " + sql);
        } catch (SQLException e) {
            throw new AssertionError(call + " → " + entity.name() + " " + write.fields() + ": " + e.getMessage(), e);
        }
    }

    /** Inserts seed rows of subset entities; several passes because seed files are not in foreign-key order. */
    private static void loadSeed(List<Path> files) throws Exception {
        List<Element> pending = new ArrayList<>();
        for (Path file : files) {
            for (Element row : OfbizEntityModel.children(OfbizEntityModel.parse(file).getDocumentElement(), null)) {
                if (SUBSET.contains(row.getTagName())) {
                    pending.add(row);
                }
            }
        }
        try (Connection c = connection()) {
            c.setAutoCommit(true);
            while (!pending.isEmpty()) {
                List<Element> failed = new ArrayList<>();
                for (Element row : pending) {
                    if (!insertSeedRow(c, row)) {
                        failed.add(row);
                    }
                }
                if (failed.size() == pending.size()) {
                    break; // rows referring to things outside the subset stay out
                }
                pending = failed;
            }
        }
    }

    private static boolean insertSeedRow(Connection c, Element row) {
        OfbizEntityModel.Entity entity = model.entity(row.getTagName());
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.getAttributes().getLength(); i++) {
            fields.add(row.getAttributes().item(i).getNodeName());
        }
        String sql = "INSERT INTO " + entity.tableName() + " (" + fields.stream().map(f -> entity.field(f).columnName())
                .collect(Collectors.joining(", ")) + ") VALUES (" + "?, ".repeat(fields.size() - 1) + "?) ON CONFLICT DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < fields.size(); i++) {
                String value = row.getAttribute(fields.get(i));
                ps.setObject(i + 1, OfbizServiceEffects.jdbcValue(entity.field(fields.get(i)), value.isEmpty() ? null : value));
            }
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String column(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), "
                + "CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid "
                + "WHERE t.relname = ? AND a.attname = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), table + "." + column + " missing");
                return rs.getString(1) + " " + rs.getString(2);
            }
        }
    }

    private static int count(Connection c, String tableAndWhere) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }
}
