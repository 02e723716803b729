package dev.seguito.touch;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A contact's interactions up to "now", oldest first, with the few queries the rules share. Entries dated
 * after now (e.g. a scheduled meeting) are left out so that evaluating at any instant gives what was known
 * then.
 */
public final class Timeline {

    private final List<Interaction> interactions;

    private Timeline(List<Interaction> interactions) {
        this.interactions = interactions;
    }

    public static Timeline of(List<Interaction> interactions, Instant now) {
        return new Timeline(interactions.stream()
                .filter(i -> !i.occurredAt().isAfter(now))
                .sorted(Comparator.comparing(Interaction::occurredAt).thenComparing(Interaction::id))
                .toList());
    }

    public List<Interaction> interactions() {
        return interactions;
    }

    public Optional<Interaction> last(Predicate<Interaction> filter) {
        for (int i = interactions.size() - 1; i >= 0; i--) {
            if (filter.test(interactions.get(i))) {
                return Optional.of(interactions.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<Interaction> first(Predicate<Interaction> filter) {
        return interactions.stream().filter(filter).findFirst();
    }

    /** Interactions strictly after {@code after} (all of them when null) matching the filter. */
    public List<Interaction> after(Instant after, Predicate<Interaction> filter) {
        return interactions.stream()
                .filter(i -> after == null || i.occurredAt().isAfter(after))
                .filter(filter)
                .toList();
    }

    /** The latest interaction that is not an internal note. */
    public Optional<Interaction> lastTouch() {
        return last(i -> i.type() != InteractionType.NOTE);
    }
}
