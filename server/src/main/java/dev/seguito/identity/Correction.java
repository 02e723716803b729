package dev.seguito.identity;

import java.time.Instant;

/**
 * A correction by hand still in force on one field: the value it replaced (null when the field was empty) and when
 * it was made. A capture does not undo it by showing the replaced value again, nor by anything it saw before then
 * (an offline capture sent later, a raw capture parsed again).
 */
public record Correction(String replacedValue, Instant madeAt) {

    /**
     * Whether a page seen at {@code observedAt} showing {@code value} is older than this correction: it shows the
     * value corrected away, or was seen before the correction was made.
     */
    public boolean outdates(Object value, Instant observedAt) {
        return value != null && (observedAt.isBefore(madeAt)
                || replacedValue != null && FieldMerger.sameText(replacedValue, String.valueOf(value)));
    }
}
