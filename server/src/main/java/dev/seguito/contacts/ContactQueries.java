package dev.seguito.contacts;

import dev.seguito.identity.IdentityKeys;

import dev.seguito.db.Sql;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.touch.TagFilter;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Read side of the contact base: cards, sidebar look-ups, search and timelines, always within one team. */
public final class ContactQueries {

    /** The contact's id and the two numbers that identify the state of its card ({@link ContactCardCache.Version}). */
    private static final String VERSION = """
            select p.id, p.card_version,
                   (select nt.xmin::text::bigint from next_touch nt where nt.party_id = p.id) as next_touch_version
            """;
    private static final String VERSION_BY_SLUG = VERSION + """
              from person pe join party p on p.id = pe.party_id
             where pe.team_id = $2 and pe.linkedin_slug = $1 and p.status = 'ACTIVE'""";
    private static final String VERSION_BY_EMAIL = VERSION + """
              from contact_mech cm
              join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
              join party p on p.id = pcm.party_id and p.status = 'ACTIVE' and p.party_type = 'PERSON'
             where cm.team_id = $2 and cm.contact_mech_type = 'EMAIL_ADDRESS' and cm.info_string = $1
             order by pcm.from_date limit 1""";
    private static final String VERSION_BY_ID = VERSION + """
              from party p join person pe on pe.party_id = p.id
             where p.id = $1 and p.team_id = $2 and p.status = 'ACTIVE'""";
    private static final String CARD = Sql.load("contact_card");
    private static final String TIMELINE = Sql.load("contact_timeline");
    private static final String SEARCH = Sql.load("contact_search");

    private final Pool pool;
    private final ContactCardCache cards = new ContactCardCache(50_000, Duration.ofHours(1));

    public ContactQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * The side panel's look-up: the encoded card for a LinkedIn slug or an email, from the card cache when the card
     * has not changed since it was built.
     *
     * @param value the slug, or the address as {@code IdentityKeys.email} normalises it
     */
    public Future<Optional<Buffer>> lookup(UUID teamId, String kind, String value) {
        return current(teamId, "linkedin".equals(kind) ? VERSION_BY_SLUG : VERSION_BY_EMAIL, Tuple.of(value, teamId));
    }

    /** The side panel's look-up on a LinkedIn company page: the company's card, if a member captured that page. */
    public Future<Optional<JsonObject>> company(UUID teamId, String linkedinSlug) {
        return CompanyCards.byLinkedInSlug(pool, teamId, linkedinSlug);
    }

    /** {@link #card} encoded, from the card cache when the card has not changed since it was built. */
    public Future<Optional<Buffer>> currentCard(UUID teamId, UUID partyId) {
        return current(teamId, VERSION_BY_ID, Tuple.of(partyId, teamId));
    }

    private Future<Optional<Buffer>> current(UUID teamId, String versionQuery, Tuple key) {
        return pool.preparedQuery(versionQuery).execute(key).compose(rows -> {
            if (rows.size() == 0) {
                return Future.succeededFuture(Optional.empty());
            }
            Row row = rows.iterator().next();
            UUID partyId = row.getUUID("id");
            Optional<Buffer> kept = cards.get(teamId, partyId, ContactCardCache.Version.of(row));
            return kept.isPresent() ? Future.succeededFuture(kept) : build(teamId, partyId);
        });
    }

    /** Builds the card and keeps it under the version read in the same statement, so the two always agree. */
    private Future<Optional<Buffer>> build(UUID teamId, UUID partyId) {
        return pool.preparedQuery(CARD).execute(Tuple.of(partyId, teamId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            Buffer encoded = ContactCards.fromRow(row).toBuffer();
            cards.put(teamId, partyId, ContactCardCache.Version.of(row), encoded);
            return Optional.of(encoded);
        });
    }

    /** Drops the kept cards of these parties (erased: their data must not stay in memory either). */
    public void forget(List<UUID> partyIds) {
        cards.forget(partyIds);
    }

    /** The card, read now (no cache): for exports and for answers that must show a change just made. */
    public Future<Optional<JsonObject>> card(UUID teamId, UUID partyId) {
        return card(pool, teamId, partyId);
    }

    /** The card as {@code client} sees it: inside a transaction, with that transaction's uncommitted changes. */
    public static Future<Optional<JsonObject>> card(io.vertx.sqlclient.SqlClient client, UUID teamId, UUID partyId) {
        return client.preparedQuery(CARD).execute(Tuple.of(partyId, teamId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ContactCards.fromRow(rows.iterator().next())));
    }

    /** Contacts matching {@code q} (all when blank), only those with {@code tag} when one is given. */
    public Future<JsonObject> search(UUID teamId, String q, String tag, int limit, int offset) {
        String pattern = "%" + likeEscaped(q == null ? "" : q.trim().toLowerCase(Locale.ROOT)) + "%";
        // names are matched as identity compares them: "Bìanchi-Rossi" finds "Anna Bianchi Rossi"
        String nameKey = IdentityKeys.nameKey(q);
        String namePattern = nameKey.isEmpty() ? null : "%" + likeEscaped(nameKey) + "%";
        String tagKey = TagFilter.key(tag);
        return pool.preparedQuery(SEARCH).execute(Tuple.of(teamId, pattern, limit, offset, namePattern, tagKey)).map(rows -> {
            JsonArray items = new JsonArray();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                String slug = r.getString("linkedin_slug");
                items.add(new JsonObject().put("id", r.getUUID("id").toString())
                        .put("displayName", r.getString("full_name")).put("title", r.getString("title"))
                        .put("linkedinUrl", slug == null ? null : LinkedInUrls.ofSlug(slug)));
            }
            return new JsonObject().put("items", items).put("total", total);
        });
    }

    public Future<JsonArray> timeline(UUID teamId, UUID partyId, int limit, int offset) {
        return pool.preparedQuery(TIMELINE).execute(Tuple.of(partyId, teamId, limit, offset)).map(rows -> {
            JsonArray items = new JsonArray();
            for (Row r : rows) {
                items.add(new JsonObject().put("id", r.getUUID("id").toString())
                        .put("type", r.getString("event_type").toLowerCase(Locale.ROOT))
                        .put("direction", r.getString("direction").toLowerCase(Locale.ROOT))
                        .put("occurredAt", r.getOffsetDateTime("started_at").toInstant().toString())
                        .put("subject", r.getString("subject")).put("note", r.getString("note"))
                        .put("by", r.getString("member_name")));
            }
            return items;
        });
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
