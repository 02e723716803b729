package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        ofbiz.existingCommunicationEvent("10500", "<CAF=abc123@mail.gmail.com>");

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
        assertEquals("<new@mail.example>", event.getString("messageId"));
    }

    @Test
    void anInteractionWithAContactNotYetInOfbizIsRetryable() throws Exception {
        CrmResult result = connector.deliver(email("5f0e1c2d-0000-4000-8000-000000000003", "<x@y.example>"))
                .await(10, TimeUnit.SECONDS);

        assertTrue(result.isRetryable(), result.toString());
        assertTrue(result.reason().contains("not in OFBiz yet"), result.reason());
    }

    @Test
    void aDeletedContactIsDisabledNotDeleted() throws Exception {
        assertTrue(deliver(jane()).isDelivered());

        CrmResult result = connector.deliver(SyncRecord.contactDelete(JANE)).await(10, TimeUnit.SECONDS);

        assertTrue(result.isDelivered(), result.toString());
        assertEquals("PARTY_DISABLED", ofbiz.parties.get(OfbizIds.contactParty(JANE)).getString("statusId"));
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
        ofbiz.componentVersion = "0.1.0";

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> connector.checkConnection().await(10, TimeUnit.SECONDS));

        assertTrue(e.getMessage().contains("is 0.1.0; this server needs 0.2.0"), e.getMessage());
        assertTrue(OfbizConnector.compareVersions("0.10.0", "0.9.1") > 0);
        assertEquals(0, OfbizConnector.compareVersions("0.2", "0.2.0"));
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
