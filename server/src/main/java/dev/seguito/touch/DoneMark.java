package dev.seguito.touch;

import java.time.Instant;
import java.util.Objects;

/**
 * A user saying "done" on a suggestion, identified by its {@link Suggestion#key()}. It completes that
 * suggestion and, since the user did touch the person, counts as a team touch at {@code doneAt} for timing.
 */
public record DoneMark(String key, Instant doneAt) {
    public DoneMark {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(doneAt, "doneAt");
    }
}
