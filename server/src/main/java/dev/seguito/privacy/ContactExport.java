package dev.seguito.privacy;

import dev.seguito.api.ApiError;
import dev.seguito.contacts.ContactQueries;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything the team holds about one contact, for a data-subject access request or to move the person elsewhere:
 * JSON (the card, the whole timeline, where each value came from, employment history, the addresses removed by
 * hand, which Seguito still holds as ended) or a vCard 4.0 (RFC 6350).
 */
public final class ContactExport {

    /** Hard bound on one export's timeline; far above any real contact's history. */
    static final int MAX_TIMELINE = 10_000;

    private final Pool pool;
    private final ContactQueries contacts;

    public ContactExport(Pool pool, ContactQueries contacts) {
        this.pool = pool;
        this.contacts = contacts;
    }

    public Future<JsonObject> json(UUID teamId, UUID partyId) {
        return contacts.card(teamId, partyId).compose(card -> {
            if (card.isEmpty()) {
                return Future.failedFuture(ApiError.notFound("No such contact in your team"));
            }
            JsonObject c = card.get();
            c.remove("timeline");
            return contacts.timeline(teamId, partyId, MAX_TIMELINE, 0)
                    .compose(timeline -> provenance(teamId, partyId)
                            .compose(provenance -> employment(teamId, partyId)
                                    .compose(jobs -> removedAddresses(teamId, partyId)
                                            .map(removed -> new JsonObject()
                                                    .put("exportedAt", Instant.now().toString())
                                                    .put("format", "seguito-contact-export/1")
                                                    .put("contact", c)
                                                    .put("timeline", timeline)
                                                    .put("provenance", provenance)
                                                    .put("employment", jobs)
                                                    .put("removedAddresses", removed)))));
        });
    }

    public Future<String> vcard(UUID teamId, UUID partyId) {
        return contacts.card(teamId, partyId).map(card -> vcard(card.orElseThrow(
                () -> ApiError.notFound("No such contact in your team"))));
    }

    /** A vCard 4.0 of the card; ez-vcard does the escaping (RFC 6350 §3.4) and line folding (§3.2). */
    static String vcard(JsonObject card) {
        VCard v = new VCard();
        v.setUid(new Uid("urn:uuid:" + card.getString("id")));
        v.setFormattedName(card.getString("displayName"));
        StructuredName n = new StructuredName();
        n.setFamily(card.getString("lastName"));
        n.setGiven(card.getString("firstName"));
        v.setStructuredName(n);
        if (card.getString("company") != null) {
            v.setOrganization(card.getString("company"));
        }
        if (card.getString("title") != null) {
            v.addTitle(card.getString("title"));
        }
        for (Object o : card.getJsonArray("emails", new JsonArray())) {
            v.addEmail(((JsonObject) o).getString("address"));
        }
        for (Object o : card.getJsonArray("phones", new JsonArray())) {
            v.addTelephoneNumber(String.valueOf(o));
        }
        if (card.getString("linkedinUrl") != null) {
            v.addUrl(card.getString("linkedinUrl"));
        }
        if (card.getString("website") != null) {
            v.addUrl(card.getString("website"));
        }
        JsonArray tags = card.getJsonArray("tags", new JsonArray());
        if (!tags.isEmpty()) {
            v.setCategories(tags.stream().map(String::valueOf).toArray(String[]::new));
        }
        String headline = card.getString("headline");
        String about = card.getString("about");
        String note = headline == null ? about : about == null ? headline : headline + "\n\n" + about;
        if (note != null) {
            v.addNote(note);
        }
        return Ezvcard.write(v).version(VCardVersion.V4_0).prodId(false).go();
    }

    private Future<JsonArray> provenance(UUID teamId, UUID partyId) {
        return pool.preparedQuery("""
                        select fp.field, fp.value, fp.replaced_value, fp.source, fp.observed_at, m.name as member_name
                          from field_provenance fp left join team_member m on m.id = fp.member_id
                         where fp.party_id = $1 and fp.team_id = $2
                         order by fp.field, fp.observed_at desc""")
                .execute(Tuple.of(partyId, teamId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    for (Row r : rows) {
                        out.add(new JsonObject().put("field", r.getString("field")).put("value", r.getString("value"))
                                .put("source", r.getString("source"))
                                .put("observedAt", r.getOffsetDateTime("observed_at").toInstant().toString())
                                .put("by", r.getString("member_name")));
                        if (r.getString("replaced_value") != null) {
                            // a correction remembers what it replaced; that is personal data held, so it is shown
                            out.getJsonObject(out.size() - 1).put("replacedValue", r.getString("replaced_value"));
                        }
                    }
                    return out;
                });
    }

    private Future<JsonArray> employment(UUID teamId, UUID partyId) {
        return pool.preparedQuery("""
                        select g.group_name, r.position_title, r.from_date, r.thru_date
                          from party_relationship r join party_group g on g.party_id = r.party_id_from
                         where r.party_id_to = $1 and r.team_id = $2 and r.relationship_type = 'EMPLOYMENT'
                         order by r.from_date desc""")
                .execute(Tuple.of(partyId, teamId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    for (Row r : rows) {
                        out.add(new JsonObject().put("company", r.getString("group_name"))
                                .put("title", r.getString("position_title"))
                                .put("from", r.getOffsetDateTime("from_date").toInstant().toString())
                                .put("thru", r.getOffsetDateTime("thru_date") == null ? null
                                        : r.getOffsetDateTime("thru_date").toInstant().toString()));
                    }
                    return out;
                });
    }

    /** Addresses a team member removed by hand: no longer on the card, still held (as ended links), so exported. */
    private Future<JsonArray> removedAddresses(UUID teamId, UUID partyId) {
        return pool.preparedQuery("""
                        select cm.contact_mech_type, cm.info_string, pcm.thru_date, m.name as member_name
                          from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id
                          left join team_member m on m.id = pcm.ended_by
                         where pcm.party_id = $1 and pcm.team_id = $2 and pcm.end_reason = 'removed'
                         order by pcm.thru_date, cm.info_string""")
                .execute(Tuple.of(partyId, teamId))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    for (Row r : rows) {
                        String type = switch (r.getString("contact_mech_type")) {
                            case "EMAIL_ADDRESS" -> "email";
                            case "TELECOM_NUMBER" -> "phone";
                            default -> "website";
                        };
                        out.add(new JsonObject().put("type", type)
                                .put("value", r.getString("info_string"))
                                .put("removedAt", r.getOffsetDateTime("thru_date").toInstant().toString())
                                .put("by", r.getString("member_name")));
                    }
                    return out;
                });
    }
}
