package dev.seguito.sync.ofbiz;

import dev.seguito.sync.CrmConnector;
import dev.seguito.sync.CrmResult;
import dev.seguito.sync.SyncRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Delivers Seguito's changes to Apache OFBiz through its REST API and the "seguito" component: look up what OFBiz
 * already holds, plan the missing service calls with {@link OfbizMapping}, run them in order. A failure part-way is
 * safe: the next attempt looks up again and only runs what is still missing.
 */
public final class OfbizConnector implements CrmConnector {

    /** Sent to the component's ping/install services (also keeps the JSON body non-empty, as OFBiz requires). */
    static final String CLIENT_VERSION = "0.1.0";

    /**
     * The oldest component whose services this connector calls (0.2.0 added Seguito's PartyAttributes, 0.3.0 the
     * about note). OFBiz answers 404 for a service an older one lacks, which would dead-letter every contact, so the
     * install and connection check stop with the reason, and deliveries wait (retryable) until it is upgraded.
     */
    static final String MIN_COMPONENT_VERSION = "0.3.0";

    /** How long a ping that found a recent enough component is trusted before deliveries ask again. */
    static final long COMPONENT_RECHECK_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final OfbizRestClient client;
    private final OfbizMapping mapping;
    /** System.nanoTime() of the last ping that found a recent enough component; null: not yet. */
    private volatile Long componentCheckedAt;

    /** The connector configured from SEGUITO_OFBIZ_* variables (see {@link OfbizConfig#fromEnv}). */
    public static OfbizConnector fromEnv(Vertx vertx, java.util.Map<String, String> env) {
        return new OfbizConnector(vertx, OfbizConfig.fromEnv(env));
    }

    public OfbizConnector(Vertx vertx, OfbizConfig config) {
        this(vertx, config, Clock.systemUTC());
    }

    public OfbizConnector(Vertx vertx, OfbizConfig config, Clock clock) {
        this(new OfbizRestClient(vertx, config, clock), new OfbizMapping(clock));
    }

    public OfbizConnector(OfbizRestClient client, OfbizMapping mapping) {
        this.client = Objects.requireNonNull(client, "client");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
    }

    @Override
    public String name() {
        return "ofbiz";
    }

    @Override
    public Future<Void> checkConnection() {
        return client.call("seguitoPing", clientInfo()).compose(OfbizConnector::recentComponent).mapEmpty();
    }

    private static Future<JsonObject> recentComponent(JsonObject ping) {
        String version = ping.getString("componentVersion");
        return version != null && compareVersions(version, MIN_COMPONENT_VERSION) >= 0 ? Future.succeededFuture(ping)
                : Future.failedFuture(new ComponentTooOld(version));
    }

    /**
     * Succeeds once OFBiz's component is recent enough, asking it at most every {@link #COMPONENT_RECHECK_NANOS};
     * a component that is too old is asked again on every attempt, so deliveries resume as soon as it is upgraded.
     */
    private Future<Void> componentReady() {
        Long checkedAt = componentCheckedAt;
        if (checkedAt != null && System.nanoTime() - checkedAt < COMPONENT_RECHECK_NANOS) {
            return Future.succeededFuture();
        }
        return client.call("seguitoPing", clientInfo()).compose(OfbizConnector::recentComponent)
                .map(ping -> {
                    componentCheckedAt = System.nanoTime();
                    return null;
                });
    }

    /** Compares dotted numeric versions ("0.10.0" is after "0.9.1"); a part that is not a number counts as 0. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int number(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i].strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public Future<Void> install() {
        return client.call("seguitoEnsureSeedData", clientInfo())
                .compose(created -> client.call("seguitoPing", clientInfo()))
                .compose(OfbizConnector::recentComponent)
                .compose(ping -> "Y".equals(ping.getString("seedDataPresent")) ? Future.<Void>succeededFuture()
                        : Future.failedFuture("the seguito component's seed data is still missing in OFBiz"));
    }

    @Override
    public Future<CrmResult> deliver(SyncRecord record) {
        Future<Void> work = componentReady().compose(ready -> switch (record.kind()) {
            case CONTACT_UPSERT -> deliverContact(record);
            case CONTACT_DELETE -> snapshot(OfbizIds.contactParty(record.externalId()))
                    .compose(person -> run(mapping.contactDelete(record, person)));
            case INTERACTION_CREATE -> deliverInteraction(record);
        });
        return work.recover(this::askComponentAgainOnUnknownPath)
                .map(v -> CrmResult.delivered()).recover(e -> Future.succeededFuture(toResult(record, e)));
    }

    /**
     * A 404 while the component was trusted from an earlier ping may mean it was replaced by an older one since
     * (a downgrade, a restored OFBiz): ask again, so that the delivery waits for an upgrade instead of being
     * dead-lettered. A component still recent enough leaves the 404 as it was: a permanent refusal.
     */
    private Future<Void> askComponentAgainOnUnknownPath(Throwable e) {
        if (!(e instanceof OfbizException ofbiz) || ofbiz.httpStatus() != 404 || componentCheckedAt == null) {
            return Future.failedFuture(e);
        }
        componentCheckedAt = null;
        return componentReady().compose(stillRecent -> Future.failedFuture(e));
    }

    private static JsonObject clientInfo() {
        return new JsonObject().put("clientVersion", CLIENT_VERSION);
    }

    private Future<Void> deliverContact(SyncRecord record) {
        Future<PartySnapshot> company = record.company() == null ? Future.succeededFuture(PartySnapshot.NOT_FOUND)
                : snapshot(OfbizIds.companyParty(record.company()));
        return company.compose(c -> snapshot(OfbizIds.contactParty(record.externalId()))
                .compose(person -> run(mapping.contactUpsert(record, person, c))));
    }

    private Future<Void> deliverInteraction(SyncRecord record) {
        OfbizCall lookup = OfbizMapping.communicationEventLookup(record);
        return client.call(lookup.service(), lookup.params()).compose(found -> {
            String existing = found.getString("communicationEventId");
            if (existing != null) {
                return Future.succeededFuture();
            }
            return requireParty(record.fromContactExternalId())
                    .compose(v -> requireParty(record.toContactExternalId()))
                    .compose(v -> run(mapping.interactionCreate(record, null)));
        });
    }

    /** An interaction can only point at parties OFBiz has: if the contact is not synced yet, retry later. */
    private Future<Void> requireParty(String contactExternalId) {
        if (contactExternalId == null) {
            return Future.succeededFuture();
        }
        return snapshot(OfbizIds.contactParty(contactExternalId)).compose(p -> p.found() ? Future.succeededFuture()
                : Future.failedFuture(new ContactNotSyncedYet(contactExternalId)));
    }

    private Future<PartySnapshot> snapshot(String partyExternalId) {
        OfbizCall lookup = OfbizMapping.partySnapshotLookup(partyExternalId);
        return client.call(lookup.service(), lookup.params()).map(PartySnapshot::fromServiceData);
    }

    private Future<Void> run(List<OfbizCall> calls) {
        Future<Void> chain = Future.succeededFuture();
        for (OfbizCall call : calls) {
            chain = chain.compose(v -> client.call(call.service(), call.params()).mapEmpty());
        }
        return chain;
    }

    private static CrmResult toResult(SyncRecord record, Throwable e) {
        String what = record.kind() + " " + record.externalId() + ": ";
        if (e instanceof OfbizException ofbiz) {
            return ofbiz.retryable() || lostCreateRace(ofbiz) ? CrmResult.retryable(what + ofbiz.getMessage())
                    : CrmResult.permanent(what + ofbiz.getMessage());
        }
        if (e instanceof ContactNotSyncedYet || e instanceof ComponentTooOld) {
            return CrmResult.retryable(what + e.getMessage());
        }
        return CrmResult.retryable(what + "unexpected " + e);
    }

    /**
     * Records shared by several contacts (a company, its roles) can be created by two workers at the same moment; the
     * loser gets OFBiz's "already exists". The next attempt looks the record up again and skips creating it.
     */
    private static boolean lostCreateRace(OfbizException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return e.httpStatus() >= 400 && e.httpStatus() < 500 && message.contains("already exists");
    }

    private static final class ComponentTooOld extends RuntimeException {
        ComponentTooOld(String version) {
            super("the seguito component in OFBiz is " + (version == null ? "of unknown version" : version)
                    + "; this server needs " + MIN_COMPONENT_VERSION + " or later: copy plugin/ofbiz of this release into "
                    + "OFBiz's plugins folder, restart OFBiz and run install again (docs/admin-install.md)", null, false, false);
        }
    }

    private static final class ContactNotSyncedYet extends RuntimeException {
        ContactNotSyncedYet(String contactExternalId) {
            super("contact " + contactExternalId + " is not in OFBiz yet", null, false, false);
        }
    }
}
