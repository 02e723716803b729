package dev.seguito.team;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Team-wide live events. A change is announced with PostgreSQL {@code NOTIFY} inside the transaction that made it,
 * so it is heard only if it committed, and by every server process listening on the same database; each process
 * relays what it hears to the side panels connected to it.
 */
public final class TeamEvents implements AutoCloseable {

    static final String CHANNEL = "seguito_events";
    private static final Logger LOG = LoggerFactory.getLogger(TeamEvents.class);

    private final Vertx vertx;
    private final PgSubscriber subscriber;

    private TeamEvents(Vertx vertx, PgSubscriber subscriber) {
        this.vertx = vertx;
        this.subscriber = subscriber;
    }

    /** Starts listening; the subscriber reconnects by itself when the database restarts. */
    public static Future<TeamEvents> listen(Vertx vertx, PgConnectOptions options) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> retries < 10_000 ? 1000L : -1L);
        TeamEvents events = new TeamEvents(vertx, subscriber);
        subscriber.channel(CHANNEL).handler(events::relay);
        return subscriber.connect().map(events);
    }

    private void relay(String payload) {
        try {
            JsonObject event = new JsonObject(payload);
            vertx.eventBus().publish(address(UUID.fromString(event.getString("teamId"))), event);
        } catch (RuntimeException e) {
            LOG.warn("Ignoring a malformed team event: {}", e.getMessage());
        }
    }

    /** Announces a change to a contact; call it inside the transaction that made the change. */
    public static Future<Void> publish(SqlClient tx, UUID teamId, UUID contactId, String kind, String byMemberName) {
        JsonObject event = new JsonObject().put("teamId", teamId.toString()).put("contactId", contactId.toString())
                .put("kind", kind).put("by", byMemberName);
        return notify(tx, event);
    }

    /** {@link #publish} for each of several contacts, in one statement. */
    public static Future<Void> publishEach(SqlClient tx, UUID teamId, List<UUID> contactIds, String kind, String byMemberName) {
        return tx.preparedQuery("""
                        select pg_notify('%s', json_build_object('teamId', $1::text, 'contactId', id::text,
                                                                  'kind', $3::text, 'by', $4::text)::text)
                          from unnest($2::uuid[]) as t(id)""".formatted(CHANNEL))
                .execute(Tuple.from(new Object[]{teamId.toString(), contactIds.toArray(new UUID[0]), kind, byMemberName}))
                .mapEmpty();
    }

    /**
     * Announces a change to the team itself (kind {@code "settings"}: what members may do changed), so that open side
     * panels follow it without being paired again; call it inside the transaction that made the change.
     */
    public static Future<Void> publishTeamChange(SqlClient tx, UUID teamId, String kind, String byMemberName) {
        JsonObject event = new JsonObject().put("teamId", teamId.toString()).put("kind", kind).put("by", byMemberName);
        return notify(tx, event);
    }

    private static Future<Void> notify(SqlClient tx, JsonObject event) {
        return tx.preparedQuery("select pg_notify('" + CHANNEL + "', $1)").execute(Tuple.of(event.encode())).mapEmpty();
    }

    /** The Server-Sent Events name of an event: {@code contact} for a change to one contact, else {@code team}. */
    static String streamName(JsonObject event) {
        return event.containsKey("contactId") ? "contact" : "team";
    }

    /** Receives this team's events until the returned consumer is unregistered. */
    public MessageConsumer<JsonObject> subscribe(UUID teamId, Consumer<JsonObject> listener) {
        return vertx.eventBus().<JsonObject>consumer(address(teamId), message -> listener.accept(message.body()));
    }

    private static String address(UUID teamId) {
        return "seguito.team-events." + teamId;
    }

    @Override
    public void close() {
        subscriber.close();
    }
}
