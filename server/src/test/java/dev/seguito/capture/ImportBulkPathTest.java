package dev.seguito.capture;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import dev.seguito.touch.NextTouchService;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based path for people nobody has met ({@link NewPeopleInBulk}) must store exactly what sending every row
 * through the capture path stores: same people, mechanisms, employers, provenance, duplicate questions, connection
 * events, outbox rows and next touches, and the same counters, on a file that mixes unknown people with rows that
 * match the base, match each other, or are colleagues.
 */
class ImportBulkPathTest {

    @RunningServer
    private static SeguitoServer server;

    /** Every kind of row the split must tell apart; the colleague's address differs per team. */
    private static String csv(String colleagueEmail) {
        return """
                Notes:
                "An export."

                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Giulia,Romano,https://www.linkedin.com/in/giulia-romano-42,,Fabbrica Nord,Head of Procurement,03 Nov 2026
                Anna,Bianchi,https://www.linkedin.com/in/anna-bianchi-1,anna.bianchi@vetreria.example,Vetreria Galli,Buyer,01 Oct 2026
                Paolo,Greco,https://www.linkedin.com/in/paolo-greco,,Nordglas AB,CFO,02 Oct 2026
                Paolo,Greco,https://www.linkedin.com/in/paolo-greco-2,,Nordglas,Controller,03 Oct 2026
                Anna,Bianchi,https://www.linkedin.com/in/anna-bianchi-1,,Vetreria Galli,Head of Buying,04 Oct 2026
                Anna,B.,https://www.linkedin.com/in/anna-b-other,anna.bianchi@vetreria.example,,,05 Oct 2026
                Marco,Collega,,%s,Seguito,Sales,06 Oct 2026
                Ufficio,Vendite,https://www.linkedin.com/in/ufficio-vendite,info@vetreria.example,Vetreria Galli,,07 Oct 2026
                Giulia,Romano,https://www.linkedin.com/in/giulia-romano-other,,Fabbrica Nord S.p.A.,Buyer,08 Oct 2026
                Elena,Moretti,https://www.linkedin.com/in/elena-moretti-1,,,,09 Oct 2026
                Tomas,Berg,https://www.linkedin.com/in/tomas-berg,tomas@nordglas.example,Brand New Company Oy,,
                Claire,Dubois,https://www.linkedin.com/in/claire-dubois,,Fabbrica Nord,Architect,10 Oct 2026
                """.formatted(colleagueEmail);
    }

    @Test
    void unknownPeopleCreatedInBulkAreStoredExactlyAsOneByOne() throws Exception {
        TeamFixture bulk = TestServer.newTeam(server, "Bulk path");
        TeamFixture oneByOne = TestServer.newTeam(server, "One by one");

        JsonObject bulkStatus = importInto(bulk, true);
        JsonObject oneByOneStatus = importInto(oneByOne, false);

        for (String counter : List.of("total", "created", "matched", "updated", "possibleDuplicates", "failed")) {
            assertThat(bulkStatus.getInteger(counter)).as(counter).isEqualTo(oneByOneStatus.getInteger(counter));
        }
        assertThat(bulkStatus.getInteger("created")).isGreaterThanOrEqualTo(5);
        assertThat(bulkStatus.getInteger("possibleDuplicates")).isGreaterThanOrEqualTo(2);
        List<String> expected = snapshot(oneByOne.teamId());
        assertThat(expected).anyMatch(line -> line.startsWith("duplicate")).anyMatch(line -> line.startsWith("touch"));
        assertThat(snapshot(bulk.teamId())).containsExactlyElementsOf(expected);
    }

    @Test
    void onlyPeopleNobodyHasMetAndNoEarlierRowSharesAKeyWithTakeTheBulkPath() {
        TeamFixture team = TestServer.newTeam(server, "Split");
        team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                "https://www.linkedin.com/in/giulia-romano-42/"));
        List<dev.seguito.parse.ParsedPerson> people = ImportFormats.linkedinConnections(csv(team.adminMember().email()))
                .rows().stream().map(ImportFormats.Row::person).toList();

        NewPeopleInBulk.Split split = server.pool().withTransaction(tx -> dev.seguito.team.TeamMailboxes.read(tx, team.adminMember(), List.of())
                .compose(mailboxes -> NewPeopleInBulk.split(tx, team.teamId(), people, mailboxes))).await();

        // 0 Giulia: slug known; 3 Paolo: same name at "Nordglas" as row 2; 4 and 5: slug / email of row 1;
        // 6: a colleague; 8: same name at the same company as the captured Giulia
        assertThat(split.unknown()).containsExactly(1, 2, 7, 9, 10, 11);
        assertThat(split.others()).containsExactly(0, 3, 4, 5, 6, 8);
    }

    private static JsonObject importInto(TeamFixture team, boolean bulk) throws Exception {
        team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                "https://www.linkedin.com/in/giulia-romano-42/"));
        Pool pool = server.pool();
        ImportService imports = new ImportService(new dev.seguito.api.CpuWork(server.vertx()), pool,
                new CaptureProcessor(new NextTouchService(pool)::recomputeMany), bulk);
        JsonObject started = imports.start(team.adminMember(), new JsonObject().put("format", "linkedin_csv")
                .put("content", csv(team.adminMember().email())).put("idempotencyKey", "bulk-" + bulk)).await();
        for (int i = 0; i < 600; i++) {
            JsonObject status = imports.status(team.teamId(), UUID.fromString(started.getString("id"))).await();
            if ("done".equals(status.getString("status"))) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    /** The team's contact base as sorted text lines, with people named by slug or name instead of random ids. */
    private static List<String> snapshot(UUID teamId) {
        Pool pool = server.pool();
        String person = """
                (select coalesce(pe.linkedin_slug, pe.full_name) from person pe where pe.party_id = %s)""";
        List<String> queries = List.of(
                "select 'person', pe.full_name, pe.first_name, pe.last_name, pe.name_key, pe.headline, pe.title, pe.location,"
                        + " pe.linkedin_slug, pe.connection_degree, p.status, p.created_by is not null, (select company from current_employer_facts(pe.party_id))"
                        + " from person pe join party p on p.id = pe.party_id where pe.team_id = $1",
                "select 'mech', " + person.formatted("pcm.party_id") + ", cm.contact_mech_type, cm.info_string, pcm.purpose,"
                        + " pcm.thru_date is null from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id"
                        + " where pcm.team_id = $1",
                "select 'job', " + person.formatted("r.party_id_to") + ", g.group_name, g.name_key, r.position_title, r.thru_date is null"
                        + " from party_relationship r join party_group g on g.party_id = r.party_id_from where r.team_id = $1",
                "select 'company', g.group_name, g.name_key, p.relationship_type from party_group g join party p on p.id = g.party_id"
                        + " where g.team_id = $1",
                "select 'provenance', " + person.formatted("f.party_id") + ", f.field, f.value, f.source, f.capture_id is null,"
                        + " f.member_id is not null from field_provenance f where f.team_id = $1",
                "select 'duplicate', least(" + person.formatted("d.party_id_a") + ", " + person.formatted("d.party_id_b") + "),"
                        + " greatest(" + person.formatted("d.party_id_a") + ", " + person.formatted("d.party_id_b") + "), d.reason"
                        + " from possible_duplicate d where d.team_id = $1",
                "select 'event', " + person.formatted("ep.party_id") + ", e.event_type, e.direction, e.subject, replace(e.message_id, e.member_id::text, 'member'),"
                        + " e.started_at from communication_event e join communication_event_party ep on ep.event_id = e.id"
                        + " where e.team_id = $1",
                "select 'outbox', " + person.formatted("o.aggregate_id") + ", o.kind, o.payload ? 'partyId'"
                        + " from outbox o where o.team_id = $1",
                "select 'touch', " + person.formatted("n.party_id") + ", n.rule_id, n.action, n.channel, n.priority, n.due_at::date, n.reason"
                        + " from next_touch n where n.team_id = $1");
        List<String> lines = new ArrayList<>();
        for (String sql : queries) {
            for (Row row : pool.preparedQuery(sql).execute(Tuple.of(teamId)).await()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    line.append(i == 0 ? "" : " | ").append(row.getValue(i));
                }
                lines.add(line.toString());
            }
        }
        lines.sort(String::compareTo);
        return lines;
    }
}
