package dev.seguito.identity;

import java.time.Instant;
import java.util.function.BiPredicate;

/**
 * A correction by hand still in force on one field: the value it replaced (null when the field was empty) and when
 * it was made. A capture does not undo it by showing the replaced value again, nor by anything it saw before then
 * (an offline capture sent later, a raw capture parsed again).
 */
public record Correction(String replacedValue, Instant madeAt) {

    /**
     * Whether a page seen at {@code observedAt} showing {@code value} is older than this correction: it shows the
     * value corrected away (compared as people read it), or was seen before the correction was made.
     */
    public boolean outdates(Object value, Instant observedAt) {
        return outdates(value, observedAt, FieldMerger::sameText);
    }

    /** As {@link #outdates(Object, Instant)}, with {@code same} telling whether two values name the same thing. */
    public boolean outdates(Object value, Instant observedAt, BiPredicate<String, String> same) {
        return value != null && (observedAt.isBefore(madeAt)
                || replacedValue != null && same.test(replacedValue, String.valueOf(value)));
    }
}
