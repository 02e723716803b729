package dev.seguito.contacts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The contact cards this process has built, encoded, each with the version of the data it was built from. Building
 * a card takes seven sub-selects (contact_card.sql); checking that a kept card is still current takes one index probe
 * for the party's {@code card_version}, which triggers raise on every change to what a card shows (migration V10),
 * and for the {@code xmin} of its next_touch row, which moves whenever the suggestion is rewritten. So a kept card is
 * never served after a change, whichever process or path made it, and no write path has to remember to invalidate.
 */
final class ContactCardCache {

    /** Which state of a card: {@code party.card_version} and the next_touch row's xmin (0 when there is none). */
    record Version(long card, long nextTouch) {
        static Version of(Row row) {
            Long nextTouch = row.getLong("next_touch_version");
            return new Version(row.getLong("card_version"), nextTouch == null ? 0 : nextTouch);
        }
    }

    private record Entry(UUID teamId, Version version, Buffer card) {
    }

    private final Cache<UUID, Entry> cards;

    /**
     * @param keepFor how long a card may stay in memory at most: an erased person's card is dropped by
     *                {@link #forget} in this process, and by this limit in the others
     */
    ContactCardCache(long maximumCards, Duration keepFor) {
        this.cards = Caffeine.newBuilder().maximumSize(maximumCards).expireAfterWrite(keepFor).build();
    }

    /** The kept card of this party, if it was built from exactly this version for this team. */
    Optional<Buffer> get(UUID teamId, UUID partyId, Version version) {
        Entry entry = cards.getIfPresent(partyId);
        if (entry == null || !entry.teamId().equals(teamId) || !entry.version().equals(version)) {
            return Optional.empty();
        }
        return Optional.of(entry.card());
    }

    void put(UUID teamId, UUID partyId, Version version, Buffer card) {
        cards.put(partyId, new Entry(teamId, version, card));
    }

    void forget(Iterable<UUID> partyIds) {
        cards.invalidateAll(partyIds);
    }
}
