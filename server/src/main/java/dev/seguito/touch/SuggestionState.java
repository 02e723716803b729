package dev.seguito.touch;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The user's marks on a contact's suggestions. Kept apart from the timeline so that the engine stays a pure
 * function of what happened plus what people decided.
 *
 * @param dismissedKeys {@link Suggestion#key()}s the team does not want again; new evidence gives a new key
 * @param snoozedUntil  nothing is due before this instant (null = not snoozed)
 * @param done          suggestions completed by hand
 */
public record SuggestionState(Set<String> dismissedKeys, Instant snoozedUntil, List<DoneMark> done) {

    public static final SuggestionState EMPTY = new SuggestionState(Set.of(), null, List.of());

    public SuggestionState {
        dismissedKeys = dismissedKeys == null ? Set.of() : Set.copyOf(dismissedKeys);
        done = done == null ? List.of() : List.copyOf(done);
    }

    public boolean isDismissed(String key) {
        return dismissedKeys.contains(key);
    }

    public boolean isDone(String key) {
        return done.stream().anyMatch(d -> d.key().equals(key));
    }
}
