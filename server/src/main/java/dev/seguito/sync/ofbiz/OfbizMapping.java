package dev.seguito.sync.ofbiz;

import static dev.seguito.sync.ofbiz.OfbizVocabulary.*;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.seguito.sync.SyncRecord;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a {@link SyncRecord} plus what OFBiz already holds ({@link PartySnapshot}) into the ordered OFBiz service calls
 * that bring OFBiz up to date. Pure and deterministic: ids come from {@link OfbizIds}, time from the clock, so a
 * retried record yields only the calls still missing and never a second party, contact mech or event.
 * Timestamps are sent as epoch milliseconds (unambiguous across time zones).
 */
public final class OfbizMapping {

    /** OFBiz name fields are VARCHAR(100); subject/note/messageId VARCHAR(255). */
    static final int NAME_LENGTH = 100;
    static final int LONG_LENGTH = 255;
    /**
     * NoteData.noteInfo is very-long (TEXT); the about text is still cut here so that one contact cannot make an
     * unbounded request (LinkedIn allows 2,600 characters).
     */
    static final int ABOUT_LENGTH = 10_000;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private final Clock clock;

    public OfbizMapping(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------ lookups

    /** The lookup that finds a party by its externalId (= its Seguito-derived party id). */
    public static OfbizCall partySnapshotLookup(String partyExternalId) {
        return new OfbizCall("seguitoGetPartySnapshot", new JsonObject().put("externalId", partyExternalId));
    }

    /** The lookup that finds an interaction already in OFBiz by its id or its messageId. */
    public static OfbizCall communicationEventLookup(SyncRecord interaction) {
        return new OfbizCall("seguitoFindCommunicationEvent", new JsonObject()
                .put("communicationEventId", OfbizIds.communicationEvent(interaction.externalId()))
                .put("messageId", effectiveMessageId(interaction)));
    }

    // ------------------------------------------------------------------ contacts

    /**
     * Calls for a contact upsert.
     *
     * @param person  what OFBiz holds for the contact's party (or {@link PartySnapshot#NOT_FOUND})
     * @param company what OFBiz holds for the contact's company party (ignored when the record has no company)
     */
    public List<OfbizCall> contactUpsert(SyncRecord record, PartySnapshot person, PartySnapshot company) {
        long now = clock.millis();
        String partyId = OfbizIds.contactParty(record.externalId());
        String firstName = firstName(record);
        String lastName = lastName(record);
        String occupation = text(record.title(), NAME_LENGTH);
        List<OfbizCall> calls = new ArrayList<>();

        if (!person.found()) {
            JsonObject create = new JsonObject().put("partyId", partyId).put("externalId", partyId)
                    .put("firstName", firstName).put("lastName", lastName).put("statusId", PARTY_ENABLED);
            putIfPresent(create, "occupation", occupation);
            calls.add(new OfbizCall("createPerson", create));
        } else {
            if (!Objects.equals(firstName, person.firstName()) || !Objects.equals(lastName, person.lastName())
                    || (occupation != null && !occupation.equals(person.occupation()))) {
                JsonObject update = new JsonObject().put("partyId", partyId).put("firstName", firstName)
                        .put("lastName", lastName);
                putIfPresent(update, "occupation", occupation);
                calls.add(new OfbizCall("updatePerson", update));
            }
            if (PARTY_DISABLED.equals(person.statusId())) {
                calls.add(new OfbizCall("setPartyStatus",
                        new JsonObject().put("partyId", partyId).put("statusId", PARTY_ENABLED)));
            }
        }
        if (!person.roleTypeIds().contains(PERSON_ROLE)) {
            calls.add(role(partyId, PERSON_ROLE));
        }
        String dataSourceId = dataSourceFor(record.source());
        if (dataSourceId != null && !person.dataSourceIds().contains(dataSourceId)) {
            calls.add(new OfbizCall("createPartyDataSource", new JsonObject().put("partyId", partyId)
                    .put("dataSourceId", dataSourceId).put("fromDate", now).put("isCreate", person.found() ? "N" : "Y")));
        }
        calls.addAll(attributes(record, partyId, person));
        calls.addAll(about(record, partyId, person));
        calls.addAll(missingContactMechs(record, partyId, person));
        calls.addAll(endedContactMechs(record, partyId, person));
        if (record.company() != null) {
            calls.addAll(employment(record, partyId, person, company, now));
        }
        if (record.captureId() != null) {
            String captureSourceId = OfbizIds.captureSource(record.captureId(), record.externalId());
            if (!person.captureSourceIds().contains(captureSourceId)) {
                JsonObject capture = new JsonObject().put("captureSourceId", captureSourceId).put("partyId", partyId);
                putIfPresent(capture, "dataSourceId", dataSourceId);
                putIfPresent(capture, "sourceUrl", clip(OfbizText.url(record.sourceUrl()), 2000));
                Instant capturedAt = record.capturedAt();
                capture.put("capturedDate", capturedAt == null ? now : capturedAt.toEpochMilli());
                putIfPresent(capture, "capturedByName", text(record.capturedBy(), NAME_LENGTH));
                calls.add(new OfbizCall("seguitoCreateCaptureSource", capture));
            }
        }
        return calls;
    }

    /**
     * Calls for a contact deleted in Seguito: the party is disabled, never deleted (the CRM keeps its history and the
     * records that point at it), but the free text Seguito copied there from LinkedIn (its SEGUITO_* attributes and
     * the about note) is removed, as Seguito erased it too.
     */
    public List<OfbizCall> contactDelete(SyncRecord record, PartySnapshot person) {
        if (!person.found()) {
            return List.of();
        }
        List<OfbizCall> calls = new ArrayList<>();
        person.attributes().keySet().stream().sorted().forEach(name -> calls.add(new OfbizCall(
                "seguitoRemovePartyAttribute", new JsonObject().put("partyId", person.partyId()).put("attrName", name))));
        if (person.about() != null) {
            calls.add(new OfbizCall("seguitoSetPartyAbout", new JsonObject().put("partyId", person.partyId())));
        }
        if (!PARTY_DISABLED.equals(person.statusId())) {
            calls.add(new OfbizCall("setPartyStatus",
                    new JsonObject().put("partyId", person.partyId()).put("statusId", PARTY_DISABLED)));
        }
        return calls;
    }

    /**
     * Headline, location, tags and the employer's industry and size have no Person field, so they are
     * PartyAttributes: created, changed or removed so that
     * OFBiz holds what Seguito holds (a value cleared by hand is removed there too, by the component's own service,
     * which touches only SEGUITO_* attributes and so needs no PARTYMGR_DELETE).
     */
    private static List<OfbizCall> attributes(SyncRecord record, String partyId, PartySnapshot person) {
        List<OfbizCall> calls = new ArrayList<>();
        String[][] wanted = {{HEADLINE_ATTRIBUTE, text(record.headline(), LONG_LENGTH)},
                {LOCATION_ATTRIBUTE, text(record.location(), LONG_LENGTH)},
                {TAGS_ATTRIBUTE, record.tags().isEmpty() ? null : text(tagList(record.tags()), LONG_LENGTH)},
                {INDUSTRY_ATTRIBUTE, text(record.industry(), LONG_LENGTH)},
                {COMPANY_SIZE_ATTRIBUTE, text(record.companySize(), LONG_LENGTH)}};
        for (String[] attribute : wanted) {
            String name = attribute[0];
            String value = attribute[1];
            String held = person.attributes().get(name);
            JsonObject key = new JsonObject().put("partyId", partyId).put("attrName", name);
            if (value != null && held == null) {
                calls.add(new OfbizCall("createPartyAttribute", key.put("attrValue", value)));
            } else if (value != null && !value.equals(held)) {
                calls.add(new OfbizCall("updatePartyAttribute", key.put("attrValue", value)));
            } else if (value == null && held != null) {
                calls.add(new OfbizCall("seguitoRemovePartyAttribute", key));
            }
        }
        return calls;
    }

    /**
     * The tags joined with ", ": a comma inside a tag ("steel, mostly") becomes "‚" (U+201A, a low quotation mark that
     * looks like one), so that the list still splits back into the tags it was made of.
     */
    static String tagList(List<String> tags) {
        return String.join(", ", tags.stream().map(tag -> tag.replace(',', '\u201A')).toList());
    }

    /**
     * The about text is a note on the party (the component's {@code seguitoSetPartyAbout}: created the first time,
     * changed in place, removed when cleared in Seguito), sent only when it differs from what OFBiz holds.
     */
    private static List<OfbizCall> about(SyncRecord record, String partyId, PartySnapshot person) {
        String about = text(record.about(), ABOUT_LENGTH);
        if (Objects.equals(about, person.about())) {
            return List.of();
        }
        JsonObject params = new JsonObject().put("partyId", partyId);
        putIfPresent(params, "about", about);
        return List.of(new OfbizCall("seguitoSetPartyAbout", params));
    }

    private List<OfbizCall> missingContactMechs(SyncRecord record, String partyId, PartySnapshot person) {
        List<OfbizCall> calls = new ArrayList<>();
        boolean hasPrimaryEmail = person.contactMechs().stream()
                .anyMatch(cm -> cm.purposes().contains(PRIMARY_EMAIL));
        for (String email : record.emails()) {
            String address = email.toLowerCase(Locale.ROOT);
            boolean present = person.contactMechs().stream().anyMatch(cm -> EMAIL_ADDRESS.equals(cm.contactMechTypeId())
                    && cm.infoString() != null && cm.infoString().equalsIgnoreCase(address));
            if (!present) {
                calls.add(new OfbizCall("createPartyEmailAddress", new JsonObject().put("partyId", partyId)
                        .put("emailAddress", address)
                        .put("contactMechPurposeTypeId", hasPrimaryEmail ? OTHER_EMAIL : PRIMARY_EMAIL)));
                hasPrimaryEmail = true;
            }
        }
        for (String phone : record.phones()) {
            String digits = PartySnapshot.digits(phone);
            boolean present = person.contactMechs().stream().anyMatch(cm -> TELECOM_NUMBER.equals(cm.contactMechTypeId())
                    && cm.phoneDigits().equals(digits));
            if (!present) {
                calls.add(telecomNumber(partyId, phone));
            }
        }
        addWebAddress(calls, partyId, person, record.linkedinUrl(), LINKEDIN_URL);
        addWebAddress(calls, partyId, person, record.website(), PRIMARY_WEB_URL);
        return calls;
    }

    /**
     * Addresses the contact no longer has are ended in OFBiz too ({@code deletePartyContactMech} sets the thruDate; the
     * row stays as history), whoever entered them there: an email that bounced no longer reaches the person, and an
     * email, phone or website a team member removed by hand was wrong or is no longer theirs. An address the contact
     * still has in Seguito is kept (the same address can be valid for one person and bounced for another only if two
     * people share it, and then it is still someone's).
     */
    private static List<OfbizCall> endedContactMechs(SyncRecord record, String partyId, PartySnapshot person) {
        List<OfbizCall> calls = new ArrayList<>();
        List<String> emails = record.emails().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        List<String> phones = record.phones().stream().map(PartySnapshot::digits).toList();
        List<String> endedEmails = new ArrayList<>(record.bouncedEmails());
        endedEmails.addAll(record.removedEmails());
        String website = webAddress(record.website());
        String linkedinUrl = webAddress(record.linkedinUrl());
        List<String> removedWebsites = record.removedWebsites().stream().map(OfbizMapping::webAddress).toList();
        for (PartySnapshot.ContactMech cm : person.contactMechs()) {
            boolean ended = cm.contactMechTypeId() != null && switch (cm.contactMechTypeId()) {
                case EMAIL_ADDRESS -> cm.infoString() != null
                        && !emails.contains(cm.infoString().toLowerCase(Locale.ROOT))
                        && endedEmails.stream().anyMatch(cm.infoString()::equalsIgnoreCase);
                case TELECOM_NUMBER -> !cm.phoneDigits().isEmpty() && !phones.contains(cm.phoneDigits())
                        && record.removedPhones().stream().map(PartySnapshot::digits).anyMatch(cm.phoneDigits()::equals);
                case WEB_ADDRESS -> cm.infoString() != null && !cm.infoString().equalsIgnoreCase(website)
                        && !cm.infoString().equalsIgnoreCase(linkedinUrl)
                        && removedWebsites.stream().anyMatch(cm.infoString()::equalsIgnoreCase);
                default -> false;
            };
            if (ended) {
                calls.add(new OfbizCall("deletePartyContactMech",
                        new JsonObject().put("partyId", partyId).put("contactMechId", cm.contactMechId())));
            }
        }
        return calls;
    }

    private static OfbizCall telecomNumber(String partyId, String e164) {
        JsonObject params = new JsonObject().put("partyId", partyId);
        try {
            PhoneNumber number = PHONES.parse(e164, null);
            params.put("countryCode", String.valueOf(number.getCountryCode()))
                    .put("contactNumber", PHONES.getNationalSignificantNumber(number))
                    .put("contactMechPurposeTypeId",
                            PHONES.getNumberType(number) == PhoneNumberUtil.PhoneNumberType.MOBILE ? PHONE_MOBILE : PHONE_WORK);
        } catch (NumberParseException e) {
            params.put("contactNumber", clip(e164, 60)).put("contactMechPurposeTypeId", PHONE_WORK);
        }
        return new OfbizCall("createPartyTelecomNumber", params);
    }

    private static void addWebAddress(List<OfbizCall> calls, String partyId, PartySnapshot person, String address,
                                      String purpose) {
        String url = webAddress(address);
        if (url == null) {
            return;
        }
        boolean present = person.contactMechs().stream().anyMatch(cm -> WEB_ADDRESS.equals(cm.contactMechTypeId())
                && url.equalsIgnoreCase(cm.infoString()) && cm.purposes().contains(purpose));
        if (!present) {
            calls.add(new OfbizCall("createPartyContactMech", new JsonObject().put("partyId", partyId)
                    .put("contactMechTypeId", WEB_ADDRESS).put("infoString", url)
                    .put("contactMechPurposeTypeId", purpose)));
        }
    }

    /** A web address as it is written to OFBiz ({@link OfbizText#url}, cut to the column), so that it is found again. */
    static String webAddress(String url) {
        return clip(OfbizText.url(url), LONG_LENGTH);
    }

    private static List<OfbizCall> employment(SyncRecord record, String partyId, PartySnapshot person,
                                              PartySnapshot company, long now) {
        List<OfbizCall> calls = new ArrayList<>();
        String companyId = OfbizIds.companyParty(record.company());
        String positionTitle = text(record.title(), NAME_LENGTH);
        if (!company.found()) {
            calls.add(new OfbizCall("createPartyGroup", new JsonObject().put("partyId", companyId)
                    .put("externalId", companyId).put("groupName", text(record.company(), NAME_LENGTH))
                    .put("statusId", PARTY_ENABLED)));
        }
        if (!company.roleTypeIds().contains(COMPANY_ROLE)) {
            calls.add(role(companyId, COMPANY_ROLE));
        }
        boolean current = false;
        for (PartySnapshot.Employment job : person.employments()) {
            if (!COMPANY_ROLE.equals(job.roleTypeIdFrom())) {
                continue; // not one Seguito made: leave it alone
            }
            if (job.partyIdFrom().equals(companyId) && PERSON_ROLE.equals(job.roleTypeIdTo())) {
                current = true;
                if (positionTitle != null && !positionTitle.equals(job.positionTitle())) {
                    calls.add(new OfbizCall("updatePartyRelationship", relationshipKey(job).put("positionTitle", positionTitle)));
                }
            } else {
                // job change: end the old employment, keep it as history
                calls.add(new OfbizCall("updatePartyRelationship", relationshipKey(job).put("thruDate", now)));
            }
        }
        if (!current) {
            JsonObject rel = new JsonObject().put("partyIdFrom", companyId).put("roleTypeIdFrom", COMPANY_ROLE)
                    .put("partyIdTo", partyId).put("roleTypeIdTo", PERSON_ROLE)
                    .put("partyRelationshipTypeId", EMPLOYMENT).put("fromDate", now);
            putIfPresent(rel, "positionTitle", positionTitle);
            calls.add(new OfbizCall("createPartyRelationship", rel));
        }
        return calls;
    }

    private static JsonObject relationshipKey(PartySnapshot.Employment job) {
        return new JsonObject().put("partyIdFrom", job.partyIdFrom()).put("roleTypeIdFrom", job.roleTypeIdFrom())
                .put("partyIdTo", job.partyIdTo()).put("roleTypeIdTo", job.roleTypeIdTo())
                .put("fromDate", job.fromDate());
    }

    private static OfbizCall role(String partyId, String roleTypeId) {
        return new OfbizCall("createPartyRole", new JsonObject().put("partyId", partyId).put("roleTypeId", roleTypeId));
    }

    // ------------------------------------------------------------------ interactions

    /**
     * Calls for a new interaction, or none when OFBiz already has it ({@code existingCommunicationEventId} non-null).
     * The parties named by the record must already exist in OFBiz (the connector checks that first).
     */
    public List<OfbizCall> interactionCreate(SyncRecord record, String existingCommunicationEventId) {
        if (existingCommunicationEventId != null) {
            return List.of();
        }
        long now = clock.millis();
        String type = record.interactionType();
        JsonObject event = new JsonObject()
                .put("communicationEventId", OfbizIds.communicationEvent(record.externalId()))
                .put("communicationEventTypeId", communicationEventTypeFor(type))
                .put("statusId", COM_COMPLETE)
                .put("messageId", effectiveMessageId(record))
                .put("entryDate", now);
        Instant occurredAt = record.occurredAt();
        event.put("datetimeStarted", occurredAt == null ? now : occurredAt.toEpochMilli());
        if (record.fromContactExternalId() != null) {
            event.put("partyIdFrom", OfbizIds.contactParty(record.fromContactExternalId())).put("roleTypeIdFrom", ORIGINATOR);
        }
        if (record.toContactExternalId() != null) {
            event.put("partyIdTo", OfbizIds.contactParty(record.toContactExternalId())).put("roleTypeIdTo", ADDRESSEE);
        }
        putIfPresent(event, "subject", text(record.subject(), LONG_LENGTH));
        String note = noteFor(record);
        putIfPresent(event, "note", text(note, LONG_LENGTH));
        return List.of(new OfbizCall("createCommunicationEvent", event));
    }

    private static String noteFor(SyncRecord record) {
        String direction = record.direction() == null ? "" : record.direction() + " ";
        String by = record.teamMemberName() == null ? "" : " by " + record.teamMemberName();
        String type = record.interactionType() == null ? "interaction" : record.interactionType().replace('_', ' ');
        return "Seguito: " + direction + type + " logged" + by;
    }

    /**
     * The messageId stored on the CommunicationEvent (unique index in OFBiz): the email's own Message-ID without its
     * angle brackets, as OFBiz's own email import stores it (so an email OFBiz imported itself is found, and the
     * brackets would be refused by the service's input policy), or for interactions without one a Seguito id;
     * hashed when longer than the column (255).
     */
    public static String effectiveMessageId(SyncRecord interaction) {
        String messageId = interaction.messageId() == null ? null : OfbizText.messageId(interaction.messageId());
        if (messageId == null || messageId.isEmpty()) {
            return "seguito-" + interaction.externalId();
        }
        return messageId.length() <= LONG_LENGTH ? messageId : "sha256:" + sha256Hex(messageId);
    }

    // ------------------------------------------------------------------ names

    static String firstName(SyncRecord record) {
        if (record.firstName() != null) {
            return text(record.firstName(), NAME_LENGTH);
        }
        String full = record.fullName();
        if (full == null) {
            return "-";
        }
        int space = full.indexOf(' ');
        return text(space < 0 ? full : full.substring(0, space), NAME_LENGTH);
    }

    /** updatePerson requires a last name; "-" stands in when Seguito only knows one name. */
    static String lastName(SyncRecord record) {
        if (record.lastName() != null) {
            return text(record.lastName(), NAME_LENGTH);
        }
        String full = record.fullName();
        int space = full == null ? -1 : full.indexOf(' ');
        return space < 0 ? "-" : text(full.substring(space + 1).trim(), NAME_LENGTH);
    }

    /** Free text as OFBiz accepts it ({@link OfbizText#safe}), cut to the column. */
    static String text(String s, int max) {
        return clip(OfbizText.safe(s), max);
    }

    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static void putIfPresent(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
