package dev.seguito.touch;

import java.time.Instant;
import java.util.Objects;

/**
 * The one next touch shown for a contact, always explainable: which rule fired, on which evidence, and why.
 *
 * @param priority            1 (highest) .. 5
 * @param reason              one plain-language line citing evidence with dates in the team's time zone
 * @param evidenceKey         identifies the evidence; with {@code ruleId} it forms {@link #key()} used by
 *                            dismiss and done marks, so new evidence yields a new suggestion
 * @param touchedByMemberName the colleague who touched the person within the frequency-cap window, or null
 */
public record Suggestion(String ruleId, String action, Channel channel, Instant dueAt, int priority,
                         String reason, String evidenceKey, String touchedByMemberName) {

    public Suggestion {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(evidenceKey, "evidenceKey");
        if (priority < 1 || priority > 5) {
            throw new IllegalArgumentException("priority must be 1..5: " + priority);
        }
    }

    /** Stable identity used for dismiss and done: {@code ruleId/evidenceKey}. */
    public String key() {
        return ruleId + "/" + evidenceKey;
    }

    public Suggestion withDueAt(Instant newDueAt) {
        return new Suggestion(ruleId, action, channel, newDueAt, priority, reason, evidenceKey, touchedByMemberName);
    }

    public Suggestion withTouchedBy(String memberName) {
        return new Suggestion(ruleId, action, channel, dueAt, priority, reason, evidenceKey, memberName);
    }
}
