package dev.seguito.touch;

import dev.seguito.SeguitoServer;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole-team batch path must store exactly what recomputing each contact on its own stores. */
class TeamRecomputeTest {

    @RunningServer
    private static SeguitoServer server;

    @Test
    void batchRecomputationStoresWhatPerContactRecomputationStores() {
        TestServer.TeamFixture team = TestServer.newTeam(server, "Recompute " + UUID.randomUUID().toString().substring(0, 6));
        Pool pool = server.pool();
        UUID teamId = team.teamId();
        pool.preparedQuery("update team set policy = $2 where id = $1").execute(Tuple.of(teamId, new JsonObject()
                .put("idealProfile", new JsonObject().put("roles", new JsonArray().add("head of sales"))))).await();
        List<UUID> people = seedVariedContacts(pool, team, 40);
        NextTouchService service = new NextTouchService(pool);

        for (UUID id : people) {
            pool.withTransaction(tx -> service.recompute(tx, new ContactRef(teamId, id))).await();
        }
        List<String> onePerContact = snapshot(pool, teamId);
        pool.preparedQuery("delete from next_touch where team_id = $1").execute(Tuple.of(teamId)).await();
        pool.preparedQuery("update party set fit_score = null where team_id = $1").execute(Tuple.of(teamId)).await();

        int count = service.recomputeTeam(teamId).await();

        assertThat(count).isEqualTo(people.size());
        assertThat(onePerContact).hasSizeGreaterThan(people.size() / 2);
        assertThat(snapshot(pool, teamId)).isEqualTo(onePerContact);
    }

    /** People with and without emails (some bounced), job changes, marks and timelines of every kind. */
    private static List<UUID> seedVariedContacts(Pool pool, TestServer.TeamFixture team, int count) {
        Random random = new Random(42);
        List<UUID> ids = new ArrayList<>();
        InteractionType[] types = InteractionType.values();
        for (int i = 0; i < count; i++) {
            UUID id = SeedContacts.person(pool, team.teamId(), "Person " + i, "person-" + i + "-" + team.teamId(),
                    i % 4 == 0 ? null : "person" + i + "@" + team.teamId() + ".test");
            ids.add(id);
            String type = List.of("client", "prospect", "partner", "colleague", "other").get(i % 5);
            pool.preparedQuery("update person set title = $2, connection_degree = $3 where party_id = $1")
                    .execute(Tuple.of(id, i % 3 == 0 ? "Head of Sales" : "Engineer", (short) (1 + i % 3))).await();
            pool.preparedQuery("update party set relationship_type = $2 where id = $1").execute(Tuple.of(id, type)).await();
            if (i % 7 == 0) {
                pool.preparedQuery("""
                                update contact_mech set valid = false from party_contact_mech pcm
                                where pcm.contact_mech_id = contact_mech.id and pcm.party_id = $1""")
                        .execute(Tuple.of(id)).await();
            }
            if (i % 9 == 0) {
                pool.preparedQuery("insert into job_change (id, team_id, party_id, old_company, new_company, detected_at) "
                                + "values ($1, $2, $3, 'Old Co', 'New Co', $4)")
                        .execute(Tuple.of(UUID.randomUUID(), team.teamId(), id, daysAgo(random.nextInt(20)))).await();
            }
            int events = random.nextInt(8);
            for (int e = 0; e < events; e++) {
                UUID event = UUID.randomUUID();
                InteractionType t = types[random.nextInt(types.length)];
                String direction = t == InteractionType.NOTE ? "NONE" : random.nextBoolean() ? "INBOUND" : "OUTBOUND";
                pool.preparedQuery("insert into communication_event (id, team_id, event_type, direction, member_id, started_at) "
                                + "values ($1, $2, $3, $4, $5, $6)")
                        .execute(Tuple.of(event, team.teamId(), t.name(), direction, team.adminMember().id(),
                                daysAgo(random.nextInt(400)))).await();
                pool.preparedQuery("insert into communication_event_party (event_id, party_id, team_id, role) values ($1, $2, $3, 'PARTICIPANT')")
                        .execute(Tuple.of(event, id, team.teamId())).await();
            }
        }
        for (int i = 0; i < count; i += 5) {
            UUID id = ids.get(i);
            pool.withTransaction(tx -> new NextTouchService(pool).recompute(tx, new ContactRef(team.teamId(), id))).await();
        }
        // marks on the suggestions of some contacts: done, dismissed, snoozed
        for (int i = 0; i < count; i += 5) {
            String kind = List.of("done", "dismiss", "snooze").get((i / 5) % 3);
            pool.preparedQuery("""
                            insert into touch_mark (id, team_id, party_id, kind, rule_id, evidence_key, until, member_id)
                            select $1, n.team_id, n.party_id, $2, n.rule_id, n.evidence_key, $3, $4 from next_touch n where n.party_id = $5""")
                    .execute(Tuple.of(UUID.randomUUID(), kind, "snooze".equals(kind) ? daysAgo(-10) : null,
                            team.adminMember().id(), ids.get(i))).await();
        }
        pool.preparedQuery("delete from next_touch where team_id = $1").execute(Tuple.of(team.teamId())).await();
        return ids;
    }

    private static List<String> snapshot(Pool pool, UUID teamId) {
        List<String> rows = new ArrayList<>();
        for (Row r : pool.preparedQuery("""
                        select p.id, p.fit_score, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason,
                               n.evidence_key, n.touched_by
                          from party p left join next_touch n on n.party_id = p.id
                         where p.team_id = $1 and p.party_type = 'PERSON' order by p.id""")
                .execute(Tuple.of(teamId)).await()) {
            // due dates derived from "now" may differ by the milliseconds between the two runs
            OffsetDateTime due = r.getOffsetDateTime("due_at");
            rows.add(r.getUUID("id") + " " + r.getValue("fit_score") + " " + r.getString("rule_id") + " "
                    + r.getString("action") + " " + r.getString("channel") + " "
                    + (due == null ? null : due.withNano(0).withSecond(0)) + " " + r.getValue("priority") + " "
                    + r.getString("reason") + " " + r.getString("evidence_key") + " " + r.getString("touched_by"));
        }
        return rows;
    }

    private static OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days);
    }
}
