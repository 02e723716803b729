package dev.seguito.touch;

import java.util.Locale;

/** The team's relationship with a contact; selects the rhythm interval and which rules apply. */
public enum RelationshipType {
    CLIENT("clients"), PROSPECT("prospects"), PARTNER("partners"), COLLEAGUE("colleagues"), OTHER("other contacts");

    private final String plural;

    RelationshipType(String plural) {
        this.plural = plural;
    }

    /** Plural noun used in reasons, e.g. "the rhythm for clients". */
    public String plural() {
        return plural;
    }

    /** JSON key, e.g. "client". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
