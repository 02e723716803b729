package dev.seguito.contacts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seguito.db.Sql;
import dev.seguito.parse.LinkedInUrls;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Read side of the contact base: cards, sidebar look-ups, search and timelines, always within one team. */
public final class ContactQueries {

    private static final String BY_SLUG = """
            (select pe.party_id from person pe join party p on p.id = pe.party_id
              where pe.team_id = $2 and pe.linkedin_slug = $1 and p.status = 'ACTIVE')""";
    private static final String BY_EMAIL = """
            (select pcm.party_id from contact_mech cm
               join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
               join party p on p.id = pcm.party_id and p.status = 'ACTIVE' and p.party_type = 'PERSON'
              where cm.team_id = $2 and cm.contact_mech_type = 'EMAIL_ADDRESS' and cm.info_string = $1
              order by pcm.from_date limit 1)""";
    private static final String CARD_OF = Sql.load("contact_card");
    private static final String CARD = CARD_OF.formatted("$1");
    private static final String CARD_BY_SLUG = CARD_OF.formatted(BY_SLUG);
    private static final String CARD_BY_EMAIL = CARD_OF.formatted(BY_EMAIL);
    private static final String TIMELINE = Sql.load("contact_timeline");
    private static final String SEARCH = Sql.load("contact_search");

    private final Pool pool;
    /**
     * Sidebar look-ups by key → contact id. Only hits are cached; a hit is always re-checked by the card query (which
     * sees merges and deletions from any process), and a stale one is dropped there.
     */
    private final Cache<String, UUID> lookups = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    public ContactQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * The card for a LinkedIn slug or an email, answered from the look-up cache when possible.
     *
     * @param value the slug, or the address as {@code IdentityKeys.email} normalises it
     */
    public Future<Optional<JsonObject>> lookup(UUID teamId, String kind, String value) {
        String key = teamId + ":" + kind + ":" + value;
        UUID cached = lookups.getIfPresent(key);
        if (cached != null) {
            return card(teamId, cached).compose(card -> {
                if (card.isPresent()) {
                    return Future.succeededFuture(card);
                }
                lookups.invalidate(key);
                return lookup(teamId, kind, value);
            });
        }
        String sql = "linkedin".equals(kind) ? CARD_BY_SLUG : CARD_BY_EMAIL;
        return pool.preparedQuery(sql).execute(Tuple.of(value, teamId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.<JsonObject>empty();
            }
            Row row = rows.iterator().next();
            lookups.put(key, row.getUUID("id"));
            return Optional.of(ContactCards.fromRow(row));
        });
    }

    public void invalidateLookups() {
        lookups.invalidateAll();
    }

    public Future<Optional<JsonObject>> card(UUID teamId, UUID partyId) {
        return card(pool, teamId, partyId);
    }

    /** The card as {@code client} sees it: inside a transaction, with that transaction's uncommitted changes. */
    public static Future<Optional<JsonObject>> card(io.vertx.sqlclient.SqlClient client, UUID teamId, UUID partyId) {
        return client.preparedQuery(CARD).execute(Tuple.of(partyId, teamId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(ContactCards.fromRow(rows.iterator().next())));
    }

    public Future<JsonObject> search(UUID teamId, String q, int limit, int offset) {
        String pattern = "%" + (q == null ? "" : q.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return pool.preparedQuery(SEARCH).execute(Tuple.of(teamId, pattern, limit, offset)).map(rows -> {
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
}
