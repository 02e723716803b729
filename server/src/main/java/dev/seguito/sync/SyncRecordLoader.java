package dev.seguito.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Locale;
import java.util.UUID;

/**
 * Builds what a connector receives from an outbox row. Outbox rows only name what changed; the record carries the
 * state at delivery time, so a CRM that was down for a day receives the latest values, not a replay of every edit.
 */
final class SyncRecordLoader {

    private SyncRecordLoader() {
    }

    static Future<SyncRecord> load(SqlClient client, String kind, JsonObject payload) {
        return switch (kind) {
            case "CONTACT_UPSERT" -> contact(client, UUID.fromString(payload.getString("partyId")));
            case "CONTACT_DELETE" -> Future.succeededFuture(SyncRecord.contactDelete(payload.getString("partyId")));
            case "INTERACTION_CREATE" -> interaction(client, UUID.fromString(payload.getString("eventId")));
            default -> Future.failedFuture(new IllegalArgumentException("unknown outbox kind " + kind));
        };
    }

    private static Future<SyncRecord> contact(SqlClient client, UUID partyId) {
        return client.preparedQuery("""
                        select p.status, pe.first_name, pe.last_name, pe.full_name, pe.title, pe.headline, pe.location, pe.about, pe.linkedin_slug,
                               emp.company, emp.industry, emp.size_band,
                               (select coalesce(json_agg(t.tag order by t.tag_key), '[]'::json)
                                  from party_tag t where t.party_id = p.id) as tags,
                               addresses.mechs, addresses.bounced, addresses.removed,
                               (select json_build_object('source', c.source, 'sourceUrl', c.page_url, 'captureId', c.id,
                                                         'capturedAt', c.captured_at, 'capturedBy', m.name)
                                  from capture c join team_member m on m.id = c.member_id
                                 where c.primary_party_id = p.id order by c.received_at limit 1) as origin
                          from party p join person pe on pe.party_id = p.id
                          left join lateral current_employer_facts(p.id) emp on true
                          -- the contact's addresses, read once: the current valid ones, the current bounced emails,
                          -- and those a team member removed by hand (V15)
                          cross join lateral (
                              select coalesce(json_agg(json_build_object('type', cm.contact_mech_type, 'value', cm.info_string,
                                                                         'purpose', pcm.purpose) order by pcm.from_date)
                                                  filter (where cm.valid and pcm.thru_date is null), '[]'::json) as mechs,
                                     coalesce(json_agg(cm.info_string order by cm.info_string)
                                                  filter (where not cm.valid and cm.contact_mech_type = 'EMAIL_ADDRESS'
                                                            and cm.invalid_reason = 'bounced' and pcm.thru_date is null),
                                              '[]'::json) as bounced,
                                     coalesce(json_agg(json_build_object('type', cm.contact_mech_type, 'value', cm.info_string)
                                                       order by cm.info_string)
                                                  filter (where pcm.thru_date is not null), '[]'::json) as removed
                                from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id
                               where pcm.party_id = p.id and (pcm.thru_date is null or pcm.end_reason = 'removed')) addresses
                         where p.id = $1""")
                .execute(Tuple.of(partyId))
                .map(rows -> {
                    if (rows.size() == 0 || !"ACTIVE".equals(rows.iterator().next().getString("status"))) {
                        return SyncRecord.contactDelete(partyId.toString());
                    }
                    Row r = rows.iterator().next();
                    JsonArray emails = new JsonArray();
                    JsonArray phones = new JsonArray();
                    String website = null;
                    String linkedin = null;
                    for (Object o : mechs(r.getValue("mechs"))) {
                        JsonObject m = (JsonObject) o;
                        switch (m.getString("type")) {
                            case "EMAIL_ADDRESS" -> emails.add(m.getString("value"));
                            case "TELECOM_NUMBER" -> phones.add(m.getString("value"));
                            default -> {
                                if ("LINKEDIN_URL".equals(m.getString("purpose"))) {
                                    linkedin = m.getString("value");
                                } else {
                                    website = m.getString("value");
                                }
                            }
                        }
                    }
                    JsonArray removedEmails = new JsonArray();
                    JsonArray removedPhones = new JsonArray();
                    JsonArray removedWebsites = new JsonArray();
                    for (Object o : mechs(r.getValue("removed"))) {
                        JsonObject m = (JsonObject) o;
                        switch (m.getString("type")) {
                            case "EMAIL_ADDRESS" -> removedEmails.add(m.getString("value"));
                            case "TELECOM_NUMBER" -> removedPhones.add(m.getString("value"));
                            default -> removedWebsites.add(m.getString("value"));
                        }
                    }
                    JsonObject contact = new JsonObject().put("firstName", r.getString("first_name"))
                            .put("lastName", r.getString("last_name")).put("fullName", r.getString("full_name"))
                            .put("title", r.getString("title")).put("company", r.getString("company"))
                            .put("headline", r.getString("headline")).put("location", r.getString("location"))
                            .put("about", r.getString("about"))
                            .put("industry", r.getString("industry")).put("companySize", r.getString("size_band"))
                            .put("tags", mechs(r.getValue("tags")))
                            .put("emails", emails).put("phones", phones).put("bouncedEmails", mechs(r.getValue("bounced")))
                            .put("removedEmails", removedEmails).put("removedPhones", removedPhones)
                            .put("removedWebsites", removedWebsites)
                            .put("linkedinUrl", linkedin)
                            .put("website", website).put("source", "manual");
                    if (r.getValue("origin") instanceof JsonObject origin) {
                        origin.forEach(e -> contact.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue())));
                    }
                    return SyncRecord.contactUpsert(partyId.toString(), contact);
                });
    }

    private static Future<SyncRecord> interaction(SqlClient client, UUID eventId) {
        return client.preparedQuery("""
                        select e.event_type, e.direction, e.started_at, e.subject, e.message_id, m.name as member_name,
                               (select ep.party_id from communication_event_party ep where ep.event_id = e.id
                                 order by case ep.role when 'FROM' then 0 when 'PARTICIPANT' then 1 when 'TO' then 2 else 3 end
                                 limit 1) as first_party
                          from communication_event e left join team_member m on m.id = e.member_id
                         where e.id = $1""")
                .execute(Tuple.of(eventId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    boolean inbound = "INBOUND".equals(r.getString("direction"));
                    String contact = r.getUUID("first_party") == null ? null : r.getUUID("first_party").toString();
                    JsonObject interaction = new JsonObject()
                            .put("type", r.getString("event_type").toLowerCase(Locale.ROOT))
                            .put("direction", r.getString("direction").toLowerCase(Locale.ROOT))
                            .put("occurredAt", r.getOffsetDateTime("started_at").toInstant().toString())
                            .put("subject", r.getString("subject")).put("messageId", r.getString("message_id"))
                            .put(inbound ? "fromContactExternalId" : "toContactExternalId", contact)
                            .put("teamMemberName", r.getString("member_name"));
                    return SyncRecord.interactionCreate(eventId.toString(), interaction);
                });
    }

    private static JsonArray mechs(Object value) {
        return value instanceof JsonArray a ? a : new JsonArray(String.valueOf(value));
    }
}
