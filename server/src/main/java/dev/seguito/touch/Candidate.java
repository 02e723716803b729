package dev.seguito.touch;

/**
 * A suggestion a rule would make, tagged with its kind so suppression rules can tell replies from
 * proactive outreach without knowing every rule.
 */
public record Candidate(Suggestion suggestion, Kind kind) {

    /** How a candidate relates to the suppression rules. */
    public enum Kind {
        /** Answering the contact: never capped, backed off or withheld for low fit. */
        REPLY,
        /** A step anchored on a meeting (24/7/30): not capped, since the meeting itself is a recent touch. */
        SEQUENCE,
        /** Team-initiated outreach: subject to the frequency cap, fit first and dismissals. */
        PROACTIVE,
        /** Work about the contact, not a touch on them (find a new address): not capped. */
        RESEARCH
    }

    public String key() {
        return suggestion.key();
    }
}
