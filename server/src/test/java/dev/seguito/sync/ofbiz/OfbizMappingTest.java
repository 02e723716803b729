package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seguito.sync.SyncRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

class OfbizMappingTest {

    private static final String ID = "0b6c3f5e-8d0c-4a51-9d4e-3c1f2a9e7b10";
    private final OfbizMapping mapping = new OfbizMapping(Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void aNewContactIsCreatedPersonFirstThenRoleThenContactMechsThenCompanyAndEmployment() {
        List<String> services = mapping.contactUpsert(contact(), PartySnapshot.NOT_FOUND, PartySnapshot.NOT_FOUND)
                .stream().map(OfbizCall::service).toList();

        assertEquals(List.of("createPerson", "createPartyRole", "createPartyEmailAddress", "createPartyTelecomNumber",
                "createPartyContactMech", "createPartyGroup", "createPartyRole", "createPartyRelationship"), services);
    }

    @Test
    void aContactOfbizAlreadyHoldsCompletelyNeedsNoCalls() {
        String party = OfbizIds.contactParty(ID);
        String acme = OfbizIds.companyParty("Acme");
        PartySnapshot person = new PartySnapshot(party, "PARTY_ENABLED", "Jane", "Doe", "Head of Sales", null,
                Set.of("CONTACT"), List.of(
                new PartySnapshot.ContactMech("1", "EMAIL_ADDRESS", "JANE@acme.example", null, null, null, Set.of("PRIMARY_EMAIL")),
                new PartySnapshot.ContactMech("2", "TELECOM_NUMBER", null, "39", null, "0212345678", Set.of("PHONE_WORK")),
                new PartySnapshot.ContactMech("3", "WEB_ADDRESS", "https://www.linkedin.com/in/jane-doe/", null, null, null,
                        Set.of("LINKEDIN_URL"))),
                List.of(new PartySnapshot.Employment(acme, "ACCOUNT", party, "CONTACT", 1L, "Head of Sales")), Set.of(), Set.of(),
                Map.of(), null);
        PartySnapshot company = new PartySnapshot(acme, "PARTY_ENABLED", null, null, null, "Acme", Set.of("ACCOUNT"),
                List.of(), List.of(), Set.of(), Set.of(), Map.of(), null);

        assertEquals(List.of(), mapping.contactUpsert(contact(), person, company));
    }

    @Test
    void aBouncedAddressThatOfbizHoldsIsEndedThereAndNothingElseIs() {
        String party = OfbizIds.contactParty(ID);
        PartySnapshot person = new PartySnapshot(party, "PARTY_ENABLED", "Jane", "Doe", "Head of Sales", null,
                Set.of("CONTACT"), List.of(
                new PartySnapshot.ContactMech("1", "EMAIL_ADDRESS", "jane@acme.example", null, null, null, Set.of("PRIMARY_EMAIL")),
                new PartySnapshot.ContactMech("7", "EMAIL_ADDRESS", "Jane.Old@Acme.example", null, null, null, Set.of("OTHER_EMAIL")),
                new PartySnapshot.ContactMech("8", "EMAIL_ADDRESS", "jane.crm-only@acme.example", null, null, null, Set.of("OTHER_EMAIL"))),
                List.of(), Set.of(), Set.of(), Map.of(), null);
        SyncRecord record = SyncRecord.contactUpsert(ID, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("title", "Head of Sales").put("emails", new JsonArray().add("jane@acme.example"))
                .put("bouncedEmails", new JsonArray().add("jane.old@acme.example").add("never-in-ofbiz@acme.example")));

        List<OfbizCall> calls = mapping.contactUpsert(record, person, PartySnapshot.NOT_FOUND);

        assertEquals(List.of(new OfbizCall("deletePartyContactMech", new JsonObject().put("partyId", party).put("contactMechId", "7"))),
                calls);
    }

    @Test
    void anAddressStillCurrentInSeguitoIsNotEndedEvenIfItBouncedForSomeoneElse() {
        String party = OfbizIds.contactParty(ID);
        PartySnapshot person = new PartySnapshot(party, "PARTY_ENABLED", "Jane", "Doe", null, null, Set.of("CONTACT"),
                List.of(new PartySnapshot.ContactMech("1", "EMAIL_ADDRESS", "jane@acme.example", null, null, null, Set.of("PRIMARY_EMAIL"))),
                List.of(), Set.of(), Set.of(), Map.of(), null);
        SyncRecord record = SyncRecord.contactUpsert(ID, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("emails", new JsonArray().add("jane@acme.example")).put("bouncedEmails", new JsonArray().add("JANE@acme.example")));

        assertEquals(List.of(), mapping.contactUpsert(record, person, PartySnapshot.NOT_FOUND));
    }

    @Test
    void addressesRemovedByHandAreEndedInOfbizUnlessTheContactHasThemAgain() {
        String party = OfbizIds.contactParty(ID);
        PartySnapshot person = new PartySnapshot(party, "PARTY_ENABLED", "Jane", "Doe", null, null, Set.of("CONTACT"), List.of(
                new PartySnapshot.ContactMech("1", "EMAIL_ADDRESS", "jane@acme.example", null, null, null, Set.of("PRIMARY_EMAIL")),
                new PartySnapshot.ContactMech("2", "EMAIL_ADDRESS", "Jane.Wrong@Acme.example", null, null, null, Set.of("OTHER_EMAIL")),
                new PartySnapshot.ContactMech("3", "TELECOM_NUMBER", null, "39", "02", "12345678", Set.of("PHONE_WORK")),
                new PartySnapshot.ContactMech("4", "TELECOM_NUMBER", null, "39", null, "0299999999", Set.of("PHONE_WORK")),
                new PartySnapshot.ContactMech("5", "WEB_ADDRESS", "https://old.acme.example", null, null, null, Set.of("PRIMARY_WEB_URL"))),
                List.of(), Set.of(), Set.of(), Map.of(), null);
        SyncRecord record = SyncRecord.contactUpsert(ID, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("emails", new JsonArray().add("jane@acme.example")).put("phones", new JsonArray().add("+390299999999"))
                .put("removedEmails", new JsonArray().add("jane.wrong@acme.example").add("jane@acme.example"))
                .put("removedPhones", new JsonArray().add("+390212345678").add("+390299999999"))
                .put("removedWebsites", new JsonArray().add("https://old.acme.example")));

        List<OfbizCall> calls = mapping.contactUpsert(record, person, PartySnapshot.NOT_FOUND);

        assertEquals(List.of("2", "3", "5"), calls.stream().filter(c -> c.service().equals("deletePartyContactMech"))
                .map(c -> c.params().getString("contactMechId")).toList());
        assertTrue(calls.stream().allMatch(c -> c.service().equals("deletePartyContactMech")), calls.toString());
    }

    @Test
    void aSingleNameStillSatisfiesUpdatePersonsRequiredLastName() {
        SyncRecord record = SyncRecord.contactUpsert(ID, new JsonObject().put("fullName", "Madonna"));
        JsonObject params = mapping.contactUpsert(record, PartySnapshot.NOT_FOUND, PartySnapshot.NOT_FOUND).get(0).params();
        assertEquals("Madonna", params.getString("firstName"));
        assertEquals("-", params.getString("lastName"));
    }

    @Test
    void interactionsWithoutMessageIdGetAStableSeguitoMessageId() {
        SyncRecord call = SyncRecord.interactionCreate("i-1", new JsonObject().put("type", "call").put("direction", "outbound")
                .put("toContactExternalId", ID));
        JsonObject params = mapping.interactionCreate(call, null).get(0).params();
        assertEquals("seguito-i-1", params.getString("messageId"));
        assertEquals("PHONE_COMMUNICATION", params.getString("communicationEventTypeId"));
        assertEquals("ADDRESSEE", params.getString("roleTypeIdTo"));
        assertTrue(params.getString("note").contains("outbound call"));
    }

    @Test
    void headlineAndLocationBecomeSeguitoPartyAttributesCreatedChangedOrRemovedAsSeguitoHoldsThem() {
        String party = OfbizIds.contactParty(ID);
        PartySnapshot person = new PartySnapshot(party, "PARTY_ENABLED", "Jane", "Doe", "Head of Sales", null,
                Set.of("CONTACT"), List.of(), List.of(), Set.of(), Set.of(), Map.of("SEGUITO_LOCATION", "Turin, Italy"), null);
        JsonObject jane = new JsonObject().put("firstName", "Jane").put("lastName", "Doe").put("title", "Head of Sales");

        List<OfbizCall> added = mapping.contactUpsert(SyncRecord.contactUpsert(ID, jane.copy()
                .put("headline", "Sales " + "x".repeat(300)).put("location", "Milan, Italy")), person, PartySnapshot.NOT_FOUND);
        List<OfbizCall> cleared = mapping.contactUpsert(SyncRecord.contactUpsert(ID, jane.copy()), person, PartySnapshot.NOT_FOUND);
        List<OfbizCall> same = mapping.contactUpsert(SyncRecord.contactUpsert(ID, jane.copy().put("location", "Turin, Italy")),
                person, PartySnapshot.NOT_FOUND);

        assertEquals(List.of("createPartyAttribute", "updatePartyAttribute"), added.stream().map(OfbizCall::service).toList());
        assertEquals("SEGUITO_HEADLINE", added.get(0).params().getString("attrName"));
        assertEquals(255, added.get(0).params().getString("attrValue").length(), "clipped to PartyAttribute.attrValue");
        assertEquals(new JsonObject().put("partyId", party).put("attrName", "SEGUITO_LOCATION").put("attrValue", "Milan, Italy"),
                added.get(1).params());
        assertEquals(List.of(new OfbizCall("seguitoRemovePartyAttribute",
                new JsonObject().put("partyId", party).put("attrName", "SEGUITO_LOCATION"))), cleared);
        assertEquals(List.of(), same);
    }

    @Test
    void tagsAreOneAttributeThatSplitsBackIntoTheTagsEvenWhenOneHoldsAComma() {
        String party = OfbizIds.contactParty(ID);
        JsonObject jane = new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("tags", new io.vertx.core.json.JsonArray().add("steel, mostly").add("Trade fair 2026"));

        List<OfbizCall> calls = mapping.contactUpsert(SyncRecord.contactUpsert(ID, jane), PartySnapshot.NOT_FOUND,
                PartySnapshot.NOT_FOUND);

        OfbizCall tags = calls.stream().filter(c -> "SEGUITO_TAGS".equals(c.params().getString("attrName"))).findFirst().orElseThrow();
        assertEquals("createPartyAttribute", tags.service());
        assertEquals(party, tags.params().getString("partyId"));
        assertEquals(List.of("steel\u201A mostly", "Trade fair 2026"), List.of(tags.params().getString("attrValue").split(", ")));
    }

    @Test
    void anInteractionAlreadyInOfbizNeedsNoCalls() {
        assertEquals(List.of(), mapping.interactionCreate(SyncRecord.interactionCreate("i-1", new JsonObject()), "10001"));
    }

    private static SyncRecord contact() {
        return SyncRecord.contactUpsert(ID, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("title", "Head of Sales").put("company", "Acme")
                .put("emails", new JsonArray().add("jane@acme.example")).put("phones", new JsonArray().add("+390212345678"))
                .put("linkedinUrl", "https://www.linkedin.com/in/jane-doe/"));
    }
}
