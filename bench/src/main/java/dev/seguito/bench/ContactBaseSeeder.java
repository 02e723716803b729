package dev.seguito.bench;

import dev.seguito.identity.IdentityKeys;
import dev.seguito.touch.InteractionType;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Fills one team's contact base straight into the OFBiz-shaped tables with COPY: people with a LinkedIn slug, an
 * employer, most with an email (a few bounced), and a timeline of interactions spread over two years with a recent
 * tail, by several members. Deterministic for a given seed, so runs are comparable.
 */
public final class ContactBaseSeeder {

    private static final String[] FIRST = {"Giulia", "Marco", "Anna", "Luca", "Sofia", "Matteo", "Elena", "Paolo",
            "Chiara", "Davide", "Sara", "Andrea", "Laura", "Franco", "Marta", "Jane", "John", "Priya", "Wei", "Omar"};
    private static final String[] LAST = {"Romano", "Rossi", "Bianchi", "Esposito", "Ricci", "Marino", "Greco",
            "Bruno", "Gallo", "Conti", "Doe", "Smith", "Patel", "Chen", "Haddad", "Müller", "Dubois", "García"};
    private static final String[] TITLES = {"Head of Procurement", "CTO", "Sales Director", "VP Engineering",
            "Office Manager", "Founder", "Buyer", "Operations Lead", "CFO", "Product Manager"};
    private static final String[] TYPES = {"client", "prospect", "prospect", "prospect", "partner", "colleague", "other"};

    private final BenchDatabase db;
    private final UUID teamId;
    private final Random random;

    public ContactBaseSeeder(BenchDatabase db, UUID teamId, long seed) {
        this.db = db;
        this.teamId = teamId;
        this.random = new Random(seed);
    }

    /** The keys the benchmarks look contacts up by. */
    public record Seeded(List<UUID> partyIds, List<String> slugs, List<String> emails, List<UUID> members) {
    }

    /** Adds {@code extraMembers} members, {@code contacts} people and about {@code interactions} interactions. */
    public Seeded seed(UUID adminId, int extraMembers, int contacts, int interactions) {
        try (Connection c = db.jdbc()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                // generated rows are consistent by construction: skip per-row foreign-key triggers while seeding
                s.execute("set session_replication_role = replica");
            }
            List<UUID> members = members(c, adminId, extraMembers);
            List<UUID> companies = companies(c, Math.max(1, contacts / 20));
            Seeded seeded = people(c, contacts, companies, members);
            interactions(c, seeded.partyIds(), members, interactions);
            c.commit();
            return seeded;
        } catch (SQLException e) {
            throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
        } finally {
            db.execute("analyze");
        }
    }

    /**
     * Gives every seeded person the capture they came from, as a base built by capturing has: the capture (its raw
     * page purged after the retention period) and the "seen" provenance it left.
     */
    public void addCaptures(Seeded seeded) {
        String team = "'" + teamId + "'";
        String member = "'" + seeded.members().get(0) + "'";
        db.execute("""
                insert into capture (id, team_id, member_id, source, idempotency_key, payload_hash, captured_at,
                                     received_at, parse_status, primary_party_id, purged_at)
                select gen_random_uuid(), p.team_id, %s, 'linkedin_profile', 'seeded-' || p.id, '\\x00'::bytea,
                       p.created_at - interval '40 days', p.created_at - interval '40 days', 'parsed', p.id, now()
                  from party p where p.team_id = %s and p.party_type = 'PERSON'""".formatted(member, team));
        db.execute("""
                insert into field_provenance (team_id, party_id, field, source, capture_id, member_id, observed_at)
                select c.team_id, c.primary_party_id, 'seen', c.source, c.id, c.member_id, c.captured_at
                  from capture c where c.team_id = %s and c.idempotency_key like 'seeded-%%'""".formatted(team));
        db.execute("analyze");
    }

    private List<UUID> members(Connection c, UUID adminId, int extra) throws SQLException {
        List<UUID> members = new ArrayList<>(List.of(adminId));
        try (CopyTable t = CopyTable.open(c, "team_member (id, team_id, name, email, role)")) {
            for (int i = 0; i < extra; i++) {
                UUID id = uuid();
                t.row(id, teamId, "Member " + i, "member" + i + "-" + teamId + "@bench.test", "member");
                members.add(id);
            }
        }
        return members;
    }

    private List<UUID> companies(Connection c, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>(count);
        try (CopyTable party = CopyTable.open(c, "party (id, team_id, party_type)")) {
            for (int i = 0; i < count; i++) {
                UUID id = uuid();
                party.row(id, teamId, "PARTY_GROUP");
                ids.add(id);
            }
        }
        try (CopyTable group = CopyTable.open(c, "party_group (party_id, team_id, group_name, name_key)")) {
            for (int i = 0; i < count; i++) {
                String name = "Company " + i + " S.p.A.";
                group.row(ids.get(i), teamId, name, IdentityKeys.companyKey(name) + "-" + i);
            }
        }
        return ids;
    }

    private Seeded people(Connection c, int count, List<UUID> companies, List<UUID> members) throws SQLException {
        List<UUID> ids = new ArrayList<>(count);
        List<String> slugs = new ArrayList<>(count);
        List<String> emails = new ArrayList<>();
        try (CopyTable party = CopyTable.open(c, "party (id, team_id, party_type, relationship_type, created_by)")) {
            for (int i = 0; i < count; i++) {
                UUID id = uuid();
                ids.add(id);
                party.row(id, teamId, "PERSON", TYPES[random.nextInt(TYPES.length)], members.get(random.nextInt(members.size())));
            }
        }
        try (CopyTable person = CopyTable.open(c, "person (party_id, team_id, first_name, last_name, full_name, name_key, "
                + "headline, title, location, linkedin_slug, connection_degree)")) {
            for (int i = 0; i < count; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                String title = TITLES[random.nextInt(TITLES.length)];
                String slug = (first + "-" + last).toLowerCase().replaceAll("[^a-z-]", "") + "-" + Integer.toString(i, 36);
                slugs.add(slug);
                person.row(ids.get(i), teamId, first, last, first + " " + last, IdentityKeys.nameKey(first + " " + last),
                        title + " at Company " + (i % companies.size()), title, "Milan, Italy", slug,
                        (short) (1 + random.nextInt(3)));
            }
        }
        try (CopyTable rel = CopyTable.open(c, "party_relationship (id, team_id, party_id_from, party_id_to, "
                + "relationship_type, position_title, from_date)")) {
            for (int i = 0; i < count; i++) {
                rel.row(uuid(), teamId, companies.get(i % companies.size()), ids.get(i), "EMPLOYMENT", TITLES[i % TITLES.length],
                        daysAgo(100 + random.nextInt(2000)));
            }
        }
        List<UUID> mechIds = new ArrayList<>();
        List<UUID> mechOwners = new ArrayList<>();
        try (CopyTable mech = CopyTable.open(c, "contact_mech (id, team_id, contact_mech_type, info_string, valid)")) {
            for (int i = 0; i < count; i++) {
                if (random.nextInt(5) == 0) {
                    continue; // one in five has no email yet
                }
                String email = slugs.get(i).replace('-', '.') + "@company" + (i % companies.size()) + ".example";
                UUID id = uuid();
                mech.row(id, teamId, "EMAIL_ADDRESS", email, random.nextInt(20) != 0);
                mechIds.add(id);
                mechOwners.add(ids.get(i));
                emails.add(email);
            }
        }
        try (CopyTable link = CopyTable.open(c, "party_contact_mech (team_id, party_id, contact_mech_id, purpose, from_date)")) {
            for (int i = 0; i < mechIds.size(); i++) {
                link.row(teamId, mechOwners.get(i), mechIds.get(i), "PRIMARY_EMAIL", daysAgo(random.nextInt(700)));
            }
        }
        return new Seeded(ids, slugs, emails, members);
    }

    private OffsetDateTime daysAgo(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).minusDays(days).minusMinutes(random.nextInt(24 * 60));
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private void interactions(Connection c, List<UUID> people, List<UUID> members, int total) throws SQLException {
        InteractionType[] types = InteractionType.values();
        UUID[] eventIds = new UUID[total];
        UUID[] partyOf = new UUID[total];
        try (CopyTable events = CopyTable.open(c, "communication_event (id, team_id, event_type, direction, member_id, "
                + "subject, started_at)")) {
            for (int i = 0; i < total; i++) {
                eventIds[i] = uuid();
                // a skewed spread: a few contacts have long timelines, many have a handful
                double u = random.nextDouble();
                partyOf[i] = people.get((int) (people.size() * u * u * 0.5 + random.nextInt(people.size()) * 0.5) % people.size());
                InteractionType type = types[random.nextInt(types.length)];
                String direction = type == InteractionType.NOTE ? "NONE" : random.nextInt(3) == 0 ? "INBOUND" : "OUTBOUND";
                int age = random.nextInt(10) == 0 ? random.nextInt(14) : random.nextInt(730);
                events.row(eventIds[i], teamId, type.name(), direction, members.get(random.nextInt(members.size())),
                        type == InteractionType.EMAIL ? "Re: proposal " + i : null, daysAgo(age));
            }
        }
        try (CopyTable parties = CopyTable.open(c, "communication_event_party (event_id, party_id, team_id, role)")) {
            for (int i = 0; i < total; i++) {
                parties.row(eventIds[i], partyOf[i], teamId, "PARTICIPANT");
            }
        }
    }
}
