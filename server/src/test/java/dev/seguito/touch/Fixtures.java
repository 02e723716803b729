package dev.seguito.touch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builders and assertions shared by the scenario tables; times are written as Rome wall-clock time. */
public final class Fixtures {

    public static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private Fixtures() {
    }

    /** "2025-11-03 10:00" in Europe/Rome. */
    public static Instant rome(String localDateTime) {
        return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(ROME).toInstant();
    }

    public static Interaction in(String id, InteractionType type, String at, String member) {
        return new Interaction(id, type, Direction.INBOUND, rome(at), member == null ? null : member.toLowerCase(), member);
    }

    public static Interaction out(String id, InteractionType type, String at, String member) {
        return new Interaction(id, type, Direction.OUTBOUND, rome(at), member == null ? null : member.toLowerCase(), member);
    }

    public static Interaction meeting(String id, String at, String member) {
        return new Interaction(id, InteractionType.MEETING, Direction.NONE, rome(at), member.toLowerCase(), member);
    }

    public static Interaction note(String id, String at, String member) {
        return new Interaction(id, InteractionType.NOTE, Direction.NONE, rome(at), member.toLowerCase(), member);
    }

    public static List<Interaction> timeline(Interaction... interactions) {
        return Arrays.asList(interactions);
    }

    public static Facts facts(RelationshipType type) {
        return new Facts(type);
    }

    public static SuggestionState dismissed(String... keys) {
        return new SuggestionState(Set.of(keys), null, List.of());
    }

    public static SuggestionState snoozed(String until) {
        return new SuggestionState(Set.of(), rome(until), List.of());
    }

    public static SuggestionState done(String key, String at) {
        return new SuggestionState(Set.of(), null, List.of(new DoneMark(key, rome(at))));
    }

    public static TouchContext context(ContactFacts facts, List<Interaction> interactions, TeamPolicy policy,
                                       SuggestionState state, Instant now) {
        return new TouchContext(facts, Timeline.of(interactions, now), policy, state, now);
    }

    /** Builder for ContactFacts with harmless defaults: not connected, valid email, no fit score. */
    public static final class Facts {
        private final RelationshipType type;
        private Instant firstMetAt;
        private boolean linkedinConnected;
        private Double fitScore;
        private JobChange jobChange;
        private final List<String> bounced = new ArrayList<>();
        private boolean hasValidEmail = true;

        private Facts(RelationshipType type) {
            this.type = type;
        }

        public Facts firstMet(String at) {
            firstMetAt = rome(at);
            return this;
        }

        public Facts connected() {
            linkedinConnected = true;
            return this;
        }

        public Facts fit(double score) {
            fitScore = score;
            return this;
        }

        public Facts jobChange(String oldCompany, String newCompany, String at) {
            jobChange = new JobChange(oldCompany, newCompany, rome(at));
            return this;
        }

        public Facts bounced(String... emails) {
            bounced.addAll(List.of(emails));
            hasValidEmail = false;
            return this;
        }

        /** A bounce on file, but another address still works. */
        public Facts stillHasValidEmail() {
            hasValidEmail = true;
            return this;
        }

        public ContactFacts build() {
            return new ContactFacts("c1", type, firstMetAt, linkedinConnected, fitScore, jobChange, bounced,
                    hasValidEmail, "Giulia Bianchi");
        }
    }

    /** What a scenario expects; {@code dueAt} is Rome wall-clock time. */
    public record Expected(String ruleId, String action, Channel channel, String dueAt, int priority, String reason) {
    }

    public static Expected expect(String ruleId, String action, Channel channel, String dueAt, int priority,
                                  String reason) {
        return new Expected(ruleId, action, channel, dueAt, priority, reason);
    }

    public static void assertSuggestion(Expected expected, Suggestion actual) {
        assertAll(
                () -> assertEquals(expected.ruleId(), actual.ruleId(), "ruleId"),
                () -> assertEquals(expected.action(), actual.action(), "action"),
                () -> assertEquals(expected.channel(), actual.channel(), "channel"),
                () -> assertEquals(rome(expected.dueAt()), actual.dueAt(),
                        () -> "dueAt was " + actual.dueAt().atZone(ROME).toLocalDateTime()),
                () -> assertEquals(expected.priority(), actual.priority(), "priority"),
                () -> assertEquals(expected.reason(), actual.reason(), "reason"));
    }

    /** {@code expected == null} means "no suggestion". */
    public static void assertChosen(Expected expected, Optional<Suggestion> actual) {
        if (expected == null) {
            assertTrue(actual.isEmpty(), () -> "expected no suggestion, got " + actual.orElseThrow());
        } else {
            assertTrue(actual.isPresent(), "expected a suggestion from " + expected.ruleId());
            assertSuggestion(expected, actual.orElseThrow());
        }
    }

    public static void assertCandidates(List<Expected> expected, List<Candidate> actual) {
        assertEquals(expected.size(), actual.size(),
                () -> "candidates: " + actual.stream().map(c -> c.suggestion().key()).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertSuggestion(expected.get(i), actual.get(i).suggestion());
        }
    }
}
