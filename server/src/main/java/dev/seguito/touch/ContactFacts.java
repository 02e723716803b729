package dev.seguito.touch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the engine needs to know about a contact besides the timeline. Built by the server from the
 * party records, so the engine never reads the store.
 *
 * @param firstMetAt   when the team first met them in person, if known outside the timeline (e.g. an event)
 * @param fitScore     0..1 from {@link FitScorer}, only meaningful for prospects; null = unknown = treated as fit
 * @param jobChange    the latest detected job change not yet acknowledged, or null
 * @param bouncedEmails addresses that bounced
 * @param hasValidEmail whether any non-bounced address is on file
 */
public record ContactFacts(String contactId, RelationshipType relationshipType, Instant firstMetAt,
                           boolean linkedinConnected, Double fitScore, JobChange jobChange,
                           List<String> bouncedEmails, boolean hasValidEmail, String displayName) {

    public ContactFacts {
        Objects.requireNonNull(contactId, "contactId");
        relationshipType = relationshipType == null ? RelationshipType.OTHER : relationshipType;
        bouncedEmails = bouncedEmails == null ? List.of() : List.copyOf(bouncedEmails);
    }
}
