package dev.seguito.sync;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One change of Seguito's store as the outbox hands it to a {@link CrmConnector}. The payload is plain JSON so the
 * outbox can persist it as {@code jsonb}; the typed accessors keep connectors from guessing field names.
 *
 * <p>{@code externalId} is Seguito's stable id of the changed thing (the contact's or the interaction's UUID as a
 * string); connectors derive their CRM ids from it so retries hit the same CRM record.
 *
 * <p>Contact payload fields: firstName, lastName, fullName, title, headline, location, about (free text, as on
 * LinkedIn), company, emails [..], phones [E.164..],
 * bouncedEmails [..] (addresses of the contact that bounced: no longer in emails), removedEmails, removedPhones,
 * removedWebsites [..] (addresses a team member removed from the contact by hand), linkedinUrl, website, and optionally source (linkedin_profile | gmail_thread | outlook_thread | eml | manual),
 * sourceUrl, captureId, capturedAt (ISO-8601), capturedBy. Interaction payload fields: type (email | linkedin_message
 * | linkedin_connection | call | meeting | note | referral_given | referral_received), direction (inbound |
 * outbound), occurredAt (ISO-8601), subject, messageId, fromContactExternalId, toContactExternalId, teamMemberName.
 */
public record SyncRecord(Kind kind, String externalId, JsonObject payload) {

    /** The kind of change. */
    public enum Kind { CONTACT_UPSERT, INTERACTION_CREATE, CONTACT_DELETE }

    public SyncRecord {
        Objects.requireNonNull(kind, "kind");
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("externalId is required");
        }
        payload = payload == null ? new JsonObject() : payload;
    }

    public static SyncRecord contactUpsert(String contactId, JsonObject contact) {
        return new SyncRecord(Kind.CONTACT_UPSERT, contactId, contact);
    }

    public static SyncRecord contactDelete(String contactId) {
        return new SyncRecord(Kind.CONTACT_DELETE, contactId, new JsonObject());
    }

    public static SyncRecord interactionCreate(String interactionId, JsonObject interaction) {
        return new SyncRecord(Kind.INTERACTION_CREATE, interactionId, interaction);
    }

    public JsonObject toJson() {
        return new JsonObject().put("kind", kind.name()).put("externalId", externalId).put("payload", payload.copy());
    }

    public static SyncRecord fromJson(JsonObject json) {
        return new SyncRecord(Kind.valueOf(json.getString("kind")), json.getString("externalId"),
                json.getJsonObject("payload"));
    }

    // ---- contact fields

    public String firstName() { return text("firstName"); }

    public String lastName() { return text("lastName"); }

    public String fullName() { return text("fullName"); }

    public String title() { return text("title"); }

    /** The one-line summary under the name on LinkedIn. */
    public String headline() { return text("headline"); }

    /** Where the person says they are, as free text ("Milan, Lombardy, Italy"). */
    public String location() { return text("location"); }

    /** The "About" section of the person's LinkedIn profile (several paragraphs). */
    public String about() { return text("about"); }

    public String company() { return text("company"); }

    /** The employer's industry and size band, as the team set them by hand. */
    public String industry() { return text("industry"); }

    public String companySize() { return text("companySize"); }

    /** The person's tags, as the team wrote them. */
    public List<String> tags() { return texts("tags"); }

    public List<String> emails() { return texts("emails"); }

    /** Addresses of the contact that bounced; a CRM should stop using them too. */
    public List<String> bouncedEmails() { return texts("bouncedEmails"); }

    /** Addresses a team member removed from the contact by hand; a CRM should end them too. */
    public List<String> removedEmails() { return texts("removedEmails"); }

    /** Phone numbers (E.164) a team member removed from the contact by hand. */
    public List<String> removedPhones() { return texts("removedPhones"); }

    /** Websites a team member removed from the contact by hand. */
    public List<String> removedWebsites() { return texts("removedWebsites"); }

    /** Phone numbers in E.164, e.g. {@code +390212345678}. */
    public List<String> phones() { return texts("phones"); }

    public String linkedinUrl() { return text("linkedinUrl"); }

    public String website() { return text("website"); }

    public String source() { return text("source"); }

    public String sourceUrl() { return text("sourceUrl"); }

    public String captureId() { return text("captureId"); }

    public Instant capturedAt() { return instant("capturedAt"); }

    public String capturedBy() { return text("capturedBy"); }

    // ---- interaction fields

    public String interactionType() { return text("type"); }

    public String direction() { return text("direction"); }

    public Instant occurredAt() { return instant("occurredAt"); }

    public String subject() { return text("subject"); }

    public String messageId() { return text("messageId"); }

    public String fromContactExternalId() { return text("fromContactExternalId"); }

    public String toContactExternalId() { return text("toContactExternalId"); }

    public String teamMemberName() { return text("teamMemberName"); }

    private String text(String key) {
        Object value = payload.getValue(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private List<String> texts(String key) {
        JsonArray array = payload.getJsonArray(key);
        if (array == null) {
            return List.of();
        }
        return array.stream().filter(Objects::nonNull).map(v -> v.toString().trim()).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private Instant instant(String key) {
        String s = text(key);
        return s == null ? null : Instant.parse(s);
    }
}
