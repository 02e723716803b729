package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seguito.sync.CrmResult;
import dev.seguito.sync.SyncRecord;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The connector against {@link OfbizContractServer}: OFBiz itself cannot run on this machine. */
@ExtendWith(VertxExtension.class)
class OfbizConnectorTest {

    private static final String JANE = "0b6c3f5e-8d0c-4a51-9d4e-3c1f2a9e7b10";

    private Vertx vertx;
    private OfbizContractServer ofbiz;
    private OfbizConnector connector;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        this.vertx = vertx;
        ofbiz = new OfbizContractServer(vertx, OfbizRestMapping.load(OfbizReference.component()).serviceByPath());
        ofbiz.start().await(10, TimeUnit.SECONDS);
        connector = connector(OfbizContractServer.PASSWORD, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() throws Exception {
        ofbiz.down().await(5, TimeUnit.SECONDS);
    }

    @Test
    void deliveringANewContactCreatesPersonEmailsPhoneLinkedinUrlAndEmployment() throws Exception {
        CrmResult result = deliver(jane());

        assertTrue(result.isDelivered(), result.toString());
        String partyId = OfbizIds.contactParty(JANE);
        JsonObject person = ofbiz.parties.get(partyId);
        assertEquals("Jane", person.getString("firstName"));
        assertEquals(partyId, person.getString("externalId"));
        assertTrue(ofbiz.partyRoles.contains(partyId + "/CONTACT"));
        assertEquals(2, mechs(partyId, "EMAIL_ADDRESS"));
        assertEquals(1, mechs(partyId, "TELECOM_NUMBER"));
        assertTrue(ofbiz.contactMechs.stream().anyMatch(cm -> "WEB_ADDRESS".equals(cm.getString("contactMechTypeId"))
                && cm.getString("infoString").equals("https://www.linkedin.com/in/jane-doe/")
                && cm.getJsonArray("purposes").contains("LINKEDIN_URL")));
        String acme = OfbizIds.companyParty("Acme");
        assertEquals("Acme", ofbiz.parties.get(acme).getString("groupName"));
        assertTrue(ofbiz.relationships.stream().anyMatch(r -> r.getString("partyIdFrom").equals(acme)
                && r.getString("roleTypeIdFrom").equals("ACCOUNT") && r.getString("partyIdTo").equals(partyId)
                && r.getString("roleTypeIdTo").equals("CONTACT") && r.getString("partyRelationshipTypeId").equals("EMPLOYMENT")
                && r.getString("positionTitle").equals("Head of Sales")));
        assertTrue(ofbiz.partyDataSources.contains(partyId + "/SEGUITO_LINKEDIN"));
    }

    @Test
    void deliveringTheSameContactTwiceCreatesNothingNew() throws Exception {
        assertTrue(deliver(jane()).isDelivered());
        int parties = ofbiz.parties.size();
        int mechs = ofbiz.contactMechs.size();
        int relationships = ofbiz.relationships.size();
        long creates = creates();

        CrmResult again = deliver(jane());

        assertTrue(again.isDelivered(), again.toString());
        assertEquals(parties, ofbiz.parties.size());
        assertEquals(mechs, ofbiz.contactMechs.size());
        assertEquals(relationships, ofbiz.relationships.size());
        assertEquals(creates, creates(), "no create service called the second time: " + ofbiz.calls);
    }

    @Test
    void aRetryAfterAFailurePartWayCompletesWithoutDuplicates() throws Exception {
        assertTrue(deliver(jane().payload().copy().put("emails", new JsonArray().add("jane@acme.example"))).isDelivered());
        CrmResult result = deliver(jane());
        assertTrue(result.isDelivered(), result.toString());
        assertEquals(2, mechs(OfbizIds.contactParty(JANE), "EMAIL_ADDRESS"));
        assertEquals(1, ofbiz.count("createPerson"));
    }

    @Test
    void aJobChangeEndsTheOldEmploymentAndKeepsItAsHistory() throws Exception {
        assertTrue(deliver(jane()).isDelivered());
        CrmResult moved = deliver(jane().payload().copy().put("company", "Globex").put("title", "VP Sales"));

        assertTrue(moved.isDelivered(), moved.toString());
        assertEquals(2, ofbiz.relationships.size());
        assertTrue(ofbiz.relationships.stream().anyMatch(r -> r.getString("partyIdFrom").equals(OfbizIds.companyParty("Acme"))
                && r.getValue("thruDate") != null));
        assertTrue(ofbiz.relationships.stream().anyMatch(r -> r.getString("partyIdFrom").equals(OfbizIds.companyParty("Globex"))
                && r.getValue("thruDate") == null && r.getString("positionTitle").equals("VP Sales")));
        assertEquals("VP Sales", ofbiz.parties.get(OfbizIds.contactParty(JANE)).getString("occupation"));
    }

    @Test
    void anEmailWhoseMessageIdIsAlreadyInOfbizIsNotLoggedAgain() throws Exception {
        assertTrue(deliver(jane()).isDelivered());
        // OFBiz's own email import (storeIncomingEmail) stores the Message-ID without its angle brackets
        ofbiz.existingCommunicationEvent("10500", "CAF=abc123@mail.gmail.com");

        CrmResult result = connector.deliver(email("5f0e1c2d-0000-4000-8000-000000000001", "<CAF=abc123@mail.gmail.com>"))
                .await(10, TimeUnit.SECONDS);

        assertTrue(result.isDelivered(), result.toString());
        assertEquals(1, ofbiz.communicationEvents.size());
        assertEquals(0, ofbiz.count("createCommunicationEvent"));
    }

    @Test
    void aNewEmailIsLoggedOnceEvenWhenDeliveredTwice() throws Exception {
        assertTrue(deliver(jane()).isDelivered());
        SyncRecord email = email("5f0e1c2d-0000-4000-8000-000000000002", "<new@mail.example>");

        assertTrue(connector.deliver(email).await(10, TimeUnit.SECONDS).isDelivered());
        assertTrue(connector.deliver(email).await(10, TimeUnit.SECONDS).isDelivered());

        assertEquals(1, ofbiz.communicationEvents.size());
        JsonObject event = ofbiz.communicationEvents.get(OfbizIds.communicationEvent("5f0e1c2d-0000-4000-8000-000000000002"));
        assertEquals("EMAIL_COMMUNICATION", event.getString("communicationEventTypeId"));
        assertEquals(OfbizIds.contactParty(JANE), event.getString("partyIdFrom"));
        assertEquals("new@mail.example", event.getString("messageId"), "stored as OFBiz's own email import stores it");
    }

    @Test
    void textWithAngleBracketsReachesOfbizInsteadOfBeingRefusedByItsInputPolicy() throws Exception {
        CrmResult contact = deliver(jane().payload().copy().put("title", "CEO <Acme>")
                .put("headline", "Sales >> Growth &lt;3").put("location", "Milan > Lombardy"));
        CrmResult email = connector.deliver(SyncRecord.interactionCreate("5f0e1c2d-0000-4000-8000-000000000009",
                new JsonObject().put("type", "email").put("direction", "inbound").put("occurredAt", "2026-11-20T10:15:00Z")
                        .put("subject", "Re: <Project> kickoff").put("messageId", "<a<b>@mail.example>")
                        .put("fromContactExternalId", JANE).put("teamMemberName", "Marco <Rossi>")))
                .await(10, TimeUnit.SECONDS);

        assertTrue(contact.isDelivered(), contact.toString());
        assertTrue(email.isDelivered(), email.toString());
        String partyId = OfbizIds.contactParty(JANE);
        assertEquals("CEO \u2039Acme\u203A", ofbiz.parties.get(partyId).getString("occupation"));
        assertEquals("Sales \u203A\u203A Growth \u20393", ofbiz.partyAttributes.get(partyId + "/SEGUITO_HEADLINE"));
        assertEquals("Milan \u203A Lombardy", ofbiz.partyAttributes.get(partyId + "/SEGUITO_LOCATION"));
        JsonObject event = ofbiz.communicationEvents.get(OfbizIds.communicationEvent("5f0e1c2d-0000-4000-8000-000000000009"));
        assertEquals("Re: \u2039Project\u203A kickoff", event.getString("subject"));
        assertEquals("ab@mail.example", event.getString("messageId"));
        assertTrue(event.getString("note").endsWith("by Marco \u2039Rossi\u203A"), event.getString("note"));
        assertEquals(0, ofbiz.count("updatePerson"), "nothing to correct on a second look");
        assertTrue(deliver(jane().payload().copy().put("title", "CEO <Acme>")
                .put("headline", "Sales >> Growth &lt;3").put("location", "Milan > Lombardy")).isDelivered());
        assertEquals(0, ofbiz.count("updatePerson") + ofbiz.count("updatePartyAttribute"),
                "the same text delivered again matches what OFBiz holds: " + ofbiz.calls);
    }

    @Test
    void theContractServerRefusesAngleBracketsAsOfbizDoes() throws Exception {
        OfbizRestClient client = new OfbizRestClient(vertx, new OfbizConfig(URI.create(ofbiz.baseUrl()),
                OfbizContractServer.USER, OfbizContractServer.PASSWORD, null, Duration.ofSeconds(5), false), Clock.systemUTC());
        try {
            for (String refused : java.util.List.of("CEO <Acme>", "a &lt b", "%3Cscript", "&#x3e;")) {
                Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> client.call("createPerson",
                        new JsonObject().put("firstName", "Eve").put("lastName", "X").put("occupation", refused))
                        .await(10, TimeUnit.SECONDS), refused);
                assertTrue(e.getMessage().contains("less-than (<) and greater-than (>) symbols are not allowed"), e.getMessage());
            }
            assertTrue(client.call("seguitoFindCommunicationEvent", new JsonObject().put("messageId", "<x@y>"))
                    .await(10, TimeUnit.SECONDS) != null, "allow-html=\"any\" on the component's own lookup");
        } finally {
            client.close().await(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void textAndAWebsiteOfbizsInputPolicyWouldRefuseAreDeliveredOnceAndFoundAgainLater() throws Exception {
        String website = "https://acme.example/contact?lang=it&region=eu&q=caf%C3%A9"; // &reg is an entity for OFBiz
        JsonObject contact = jane().payload().copy().put("website", website)
                .put("headline", "Focus on=results").put("about", "R&amp;D budgets up 100%25");

        CrmResult first = deliver(contact);

        assertTrue(first.isDelivered(), first.toString());
        String partyId = OfbizIds.contactParty(JANE);
        assertEquals("Focus on\uFF1Dresults", ofbiz.partyAttributes.get(partyId + "/SEGUITO_HEADLINE"));
        assertEquals("R\uFF06amp;D budgets up 100%25", ofbiz.aboutNotes.get(partyId));
        assertTrue(ofbiz.contactMechs.stream().anyMatch(cm -> "https://acme.example/contact".equals(cm.getString("infoString"))),
                "the website without the query OFBiz refuses: " + ofbiz.contactMechs);
        long writes = ofbiz.count("createPartyContactMech") + ofbiz.count("updatePartyAttribute")
                + ofbiz.count("seguitoSetPartyAbout");
        assertTrue(deliver(contact).isDelivered());
        assertEquals(writes, ofbiz.count("createPartyContactMech") + ofbiz.count("updatePartyAttribute")
                + ofbiz.count("seguitoSetPartyAbout"), "found again as sent, nothing written twice: " + ofbiz.calls);

        assertTrue(deliver(jane().payload().copy().put("removedWebsites", new JsonArray().add(website)))
                .isDelivered());
        assertTrue(ofbiz.contactMechs.stream().filter(cm -> "https://acme.example/contact".equals(cm.getString("infoString")))
                .allMatch(cm -> cm.getValue("thruDate") != null), "removed by hand: ended there too");
    }

    @Test
    void anInteractionWithAContactNotYetInOfbizIsRetryable() throws Exception {
        CrmResult result = connector.deliver(email("5f0e1c2d-0000-4000-8000-000000000003", "<x@y.example>"))
                .await(10, TimeUnit.SECONDS);

        assertTrue(result.isRetryable(), result.toString());
        assertTrue(result.reason().contains("not in OFBiz yet"), result.reason());
    }

    @Test
    void aDeletedContactIsDisabledNotDeletedAndLosesTheTextSeguitoCopiedThere() throws Exception {
        assertTrue(deliver(jane().payload().copy().put("headline", "Head of Sales at Acme")
                .put("location", "Milan, Italy").put("about", "Twenty years in B2B sales.")).isDelivered());
        String partyId = OfbizIds.contactParty(JANE);
        assertEquals(2, ofbiz.partyAttributes.size());

        CrmResult result = connector.deliver(SyncRecord.contactDelete(JANE)).await(10, TimeUnit.SECONDS);

        assertTrue(result.isDelivered(), result.toString());
        assertEquals("PARTY_DISABLED", ofbiz.parties.get(partyId).getString("statusId"));
        assertTrue(ofbiz.partyAttributes.isEmpty(), ofbiz.partyAttributes.toString());
        assertFalse(ofbiz.aboutNotes.containsKey(partyId));
        long calls = ofbiz.calls.size();
        assertTrue(connector.deliver(SyncRecord.contactDelete(JANE)).await(10, TimeUnit.SECONDS).isDelivered());
        assertEquals(calls + 1, ofbiz.calls.size(), "delivered again: one look-up, nothing left to do");
    }

    @Test
    void crmDownIsRetryable() throws Exception {
        ofbiz.down().await(5, TimeUnit.SECONDS);

        CrmResult result = deliver(jane());

        assertTrue(result.isRetryable(), result.toString());
        assertTrue(result.reason().contains("unreachable"), result.reason());
        ofbiz.start().await(5, TimeUnit.SECONDS); // for @AfterEach
    }

    @Test
    void serverErrorsAreRetryable() throws Exception {
        ofbiz.failNext(3);

        CrmResult result = deliver(jane());

        assertTrue(result.isRetryable(), result.toString());
        assertTrue(result.reason().contains("HTTP 500"), result.reason());
    }

    @Test
    void aSlowCrmTimesOutAsRetryable() throws Exception {
        connector = connector(OfbizContractServer.PASSWORD, Duration.ofMillis(300));
        ofbiz.slow(1500);

        CrmResult result = deliver(jane());

        assertTrue(result.isRetryable(), result.toString());
    }

    @Test
    void aBusinessRefusalIsPermanentWithOfbizsMessage() throws Exception {
        CrmResult result = deliver(jane().payload().copy().put("emails", new JsonArray().add("not-an-address")));

        assertTrue(result.isPermanent(), result.toString());
        assertTrue(result.reason().contains("HTTP 422"), result.reason());
        assertTrue(result.reason().contains("not-an-address is not a valid email address."), result.reason());
    }

    @Test
    void anExpiredTokenIsRefreshedTransparently() throws Exception {
        assertTrue(deliver(jane()).isDelivered());
        assertEquals(1, ofbiz.tokensIssued.get(), "one token reused for all calls");
        ofbiz.expireAllTokens();
        Thread.sleep(1100); // the new token must be issued in a later second than the expiry mark

        CrmResult result = connector.deliver(SyncRecord.contactDelete(JANE)).await(10, TimeUnit.SECONDS);

        assertTrue(result.isDelivered(), result.toString());
        assertEquals(2, ofbiz.tokensIssued.get());
    }

    @Test
    void aTokenCloseToExpiryIsRenewedBeforeUse() throws Exception {
        ofbiz.tokenLifetimeSeconds(1); // refresh margin (1/5 of lifetime) passes almost at once
        assertTrue(deliver(jane()).isDelivered());
        Thread.sleep(1100);

        assertTrue(connector.deliver(SyncRecord.contactDelete(JANE)).await(10, TimeUnit.SECONDS).isDelivered());
        assertTrue(ofbiz.tokensIssued.get() >= 2);
    }

    @Test
    void wrongCredentialsAreReportedWithOfbizsReason() throws Exception {
        connector = connector("wrong", Duration.ofSeconds(5));

        CrmResult result = deliver(jane());

        assertTrue(result.isRetryable(), "fixable by the admin without losing changes: " + result);
        assertTrue(result.reason().contains("Access Denied"), result.reason());
    }

    @Test
    void installCreatesSeedDataAndCheckConnectionSucceeds() throws Exception {
        connector.install().await(10, TimeUnit.SECONDS);
        connector.checkConnection().await(10, TimeUnit.SECONDS);

        assertTrue(ofbiz.seed.contains("SEGUITO_LINKEDIN"));
        assertEquals("ofbiz", connector.name());
    }

    @Test
    void anOlderComponentStopsTheInstallWithWhatToUpgrade() {
        ofbiz.componentVersion = "0.2.0";

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> connector.checkConnection().await(10, TimeUnit.SECONDS));

        assertTrue(e.getMessage().contains("is 0.2.0; this server needs 0.3.0"), e.getMessage());
        assertTrue(OfbizConnector.compareVersions("0.10.0", "0.9.1") > 0);
        assertEquals(0, OfbizConnector.compareVersions("0.2", "0.2.0"));
    }

    @Test
    void deliveriesWaitForAnOlderComponentInsteadOfBeingDeadLetteredAndGoOnceItIsUpgraded() throws Exception {
        ofbiz.componentVersion = "0.2.0"; // has no seguitoSetPartyAbout: OFBiz would answer 404, a permanent failure

        CrmResult waiting = deliver(jane().payload().copy().put("about", "Twenty years in B2B sales."));

        assertTrue(waiting.isRetryable(), waiting.toString());
        assertTrue(waiting.reason().contains("is 0.2.0; this server needs 0.3.0"), waiting.reason());
        assertTrue(ofbiz.parties.isEmpty(), "nothing is half-written for an old component");

        ofbiz.componentVersion = "0.3.0"; // the admin copied plugin/ofbiz and restarted OFBiz
        CrmResult delivered = deliver(jane().payload().copy().put("about", "Twenty years in B2B sales."));

        assertTrue(delivered.isDelivered(), delivered.toString());
        assertEquals("Twenty years in B2B sales.", ofbiz.aboutNotes.get(OfbizIds.contactParty(JANE)));
        long pings = ofbiz.count("seguitoPing");
        assertTrue(deliver(jane()).isDelivered());
        assertEquals(pings, ofbiz.count("seguitoPing"), "a component found recent enough is not asked again at once");
    }

    @Test
    void aComponentDowngradedWhileTrustedMakesDeliveriesWaitInsteadOfDeadLetteringThem() throws Exception {
        assertTrue(deliver(jane()).isDelivered()); // the 0.3.0 component is now trusted for ten minutes
        long pings = ofbiz.count("seguitoPing");
        ofbiz.componentVersion = "0.2.0"; // an OFBiz restored from an older backup, inside that window

        CrmResult waiting = deliver(jane().payload().copy().put("about", "Twenty years in B2B sales."));

        assertTrue(waiting.isRetryable(), "the 404 of the missing about service is not a dead letter: " + waiting);
        assertTrue(waiting.reason().contains("is 0.2.0; this server needs 0.3.0"), waiting.reason());
        assertEquals(pings + 1, ofbiz.count("seguitoPing"), "the 404 made the connector ask the component again");

        ofbiz.componentVersion = "0.3.0";
        assertTrue(deliver(jane().payload().copy().put("about", "Twenty years in B2B sales.")).isDelivered());
        assertEquals("Twenty years in B2B sales.", ofbiz.aboutNotes.get(OfbizIds.contactParty(JANE)));
    }

    @Test
    void theAboutTextIsOneNoteOnThePartyChangedInPlaceAndRemovedWhenCleared() throws Exception {
        String partyId = OfbizIds.contactParty(JANE);
        String about = "I help industrial companies sell abroad.\n\nBefore that: ten years at <Acme> & Co.";

        assertTrue(deliver(jane().payload().copy().put("about", about)).isDelivered());
        assertEquals("I help industrial companies sell abroad.\n\nBefore that: ten years at \u2039Acme\u203A & Co.",
                ofbiz.aboutNotes.get(partyId), "kept as written, angle brackets as OFBiz's input policy accepts them");
        assertTrue(deliver(jane().payload().copy().put("about", about)).isDelivered());
        assertEquals(1, ofbiz.count("seguitoSetPartyAbout"), "the same text is not sent again");

        assertTrue(deliver(jane().payload().copy().put("about", "Now at Globex.")).isDelivered());
        assertEquals("Now at Globex.", ofbiz.aboutNotes.get(partyId));
        assertEquals(1, ofbiz.aboutNotesCreated.get(), "changed in place, not a second note");

        assertTrue(deliver(jane()).isDelivered()); // cleared by hand in Seguito
        assertFalse(ofbiz.aboutNotes.containsKey(partyId), "removed in OFBiz too");
    }

    @Test
    void standardPartyServicesAreNotReachableWithoutTheComponentMapping() throws Exception {
        OfbizConfig viaServices = new OfbizConfig(URI.create(ofbiz.baseUrl()), OfbizContractServer.USER,
                OfbizContractServer.PASSWORD, "/rest/services", Duration.ofSeconds(5), false);
        CrmResult result = new OfbizConnector(vertx, viaServices, Clock.systemUTC()).deliver(jane())
                .await(10, TimeUnit.SECONDS);

        assertTrue(result.isPermanent(), result.toString());
        assertTrue(result.reason().contains("is not exportable"), result.reason());
    }

    // ------------------------------------------------------------------ helpers

    private OfbizConnector connector(String password, Duration timeout) {
        return new OfbizConnector(vertx, new OfbizConfig(URI.create(ofbiz.baseUrl()), OfbizContractServer.USER, password,
                null, timeout, false));
    }

    private CrmResult deliver(SyncRecord record) throws Exception {
        return connector.deliver(record).await(15, TimeUnit.SECONDS);
    }

    private CrmResult deliver(JsonObject contact) throws Exception {
        return deliver(SyncRecord.contactUpsert(JANE, contact));
    }

    private static SyncRecord jane() {
        return SyncRecord.contactUpsert(JANE, new JsonObject().put("firstName", "Jane").put("lastName", "Doe")
                .put("fullName", "Jane Doe").put("title", "Head of Sales").put("company", "Acme")
                .put("emails", new JsonArray().add("jane@acme.example").add("jane.doe@gmail.example"))
                .put("phones", new JsonArray().add("+390212345678"))
                .put("linkedinUrl", "https://www.linkedin.com/in/jane-doe/").put("source", "linkedin_profile")
                .put("captureId", "c0ffee00-0000-4000-8000-000000000001").put("capturedBy", "Marco Rossi"));
    }

    private static SyncRecord email(String id, String messageId) {
        return SyncRecord.interactionCreate(id, new JsonObject().put("type", "email").put("direction", "inbound")
                .put("occurredAt", "2026-11-20T10:15:00Z").put("subject", "Re: proposal").put("messageId", messageId)
                .put("fromContactExternalId", JANE).put("teamMemberName", "Marco Rossi"));
    }

    private long mechs(String partyId, String type) {
        return ofbiz.contactMechs.stream().filter(cm -> cm.getString("partyId").equals(partyId)
                && type.equals(cm.getString("contactMechTypeId"))).count();
    }

    private long creates() {
        return ofbiz.calls.stream().filter(c -> c.startsWith("create") || c.equals("seguitoCreateCaptureSource")).count();
    }
}
