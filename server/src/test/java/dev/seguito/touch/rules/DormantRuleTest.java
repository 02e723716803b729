package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.ContactFacts;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.SuggestionState;
import dev.seguito.touch.TeamPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.seguito.touch.Fixtures.Expected;
import static dev.seguito.touch.Fixtures.assertCandidates;
import static dev.seguito.touch.Fixtures.context;
import static dev.seguito.touch.Fixtures.expect;
import static dev.seguito.touch.Fixtures.facts;
import static dev.seguito.touch.Fixtures.in;
import static dev.seguito.touch.Fixtures.meeting;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.EMAIL;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DormantRuleTest {

    record Case(String name, ContactFacts facts, List<Interaction> timeline, String now, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected reconnect(String due, String since) {
        return expect(DormantRule.ID, "Reconnect by giving first: share an opportunity or a referral", Channel.ANY,
                due, 3, "Last two-way touch on " + since + ", more than 180 days ago.");
    }

    static final ContactFacts CLIENT = facts(RelationshipType.CLIENT).build();

    static Stream<Case> cases() {
        return Stream.of(
                new Case("client silent for over 180 days", CLIENT,
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), "2025-11-03 12:00",
                        List.of(reconnect("2025-09-28 10:00", "1 Apr"))),
                new Case("exactly 180 days: dormant", CLIENT,
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), "2025-09-28 10:00",
                        List.of(reconnect("2025-09-28 10:00", "1 Apr"))),
                new Case("a minute before 180 days: not yet", CLIENT,
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), "2025-09-28 09:59", List.of()),
                new Case("a meeting is a two-way touch too", CLIENT,
                        timeline(meeting("m1", "2025-04-01 10:00", "Anna")), "2025-11-03 12:00",
                        List.of(reconnect("2025-09-28 10:00", "1 Apr"))),
                new Case("after our unanswered give-first touch, wait one client interval", CLIENT,
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna"),
                                out("o1", EMAIL, "2025-10-20 10:00", "Marco")), "2025-11-03 12:00",
                        List.of(reconnect("2025-11-19 10:00", "1 Apr"))),
                new Case("last year's evidence shows the year", CLIENT,
                        timeline(in("e1", EMAIL, "2024-12-01 10:00", "Anna")), "2025-11-03 12:00",
                        List.of(reconnect("2025-05-30 10:00", "1 Dec 2024"))),
                new Case("only prospects' rhythm applies to prospects", facts(RelationshipType.PROSPECT).build(),
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), "2025-11-03 12:00", List.of()),
                new Case("partners are never 'dormant' (they get referrals)", facts(RelationshipType.PARTNER).build(),
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), "2025-11-03 12:00", List.of()),
                new Case("a client never talked to is a rhythm matter, not dormant", CLIENT,
                        timeline(out("o1", EMAIL, "2025-01-01 10:00", "Anna")), "2025-11-03 12:00", List.of()),
                new Case("recent two-way touch: not dormant", CLIENT,
                        timeline(in("e1", EMAIL, "2025-10-01 10:00", "Anna")), "2025-11-03 12:00", List.of())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new DormantRule().candidates(
                context(c.facts(), c.timeline(), TeamPolicy.defaults(), SuggestionState.EMPTY, rome(c.now())));
        assertCandidates(c.expected(), candidates);
        for (Candidate candidate : candidates) {
            String text = (candidate.suggestion().action() + " " + candidate.suggestion().reason()).toLowerCase(Locale.ROOT);
            assertFalse(text.contains("check"), "never 'checking in': " + text);
        }
    }
}
