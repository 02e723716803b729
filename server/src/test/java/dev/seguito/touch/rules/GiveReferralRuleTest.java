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
import static dev.seguito.touch.Fixtures.done;
import static dev.seguito.touch.Fixtures.expect;
import static dev.seguito.touch.Fixtures.facts;
import static dev.seguito.touch.Fixtures.in;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.OPPORTUNITY_SHARED;
import static dev.seguito.touch.InteractionType.REFERRAL_GIVEN;
import static dev.seguito.touch.InteractionType.REFERRAL_RECEIVED;
import static org.junit.jupiter.api.Assertions.assertFalse;

class GiveReferralRuleTest {

    record Case(String name, ContactFacts facts, List<Interaction> timeline, SuggestionState state, String now,
                List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected share(String due, String reason) {
        return expect(GiveReferralRule.ID, "Share an opportunity or a referral", Channel.ANY, due, 4, reason);
    }

    static final ContactFacts PARTNER = facts(RelationshipType.PARTNER).build();
    static final SuggestionState NONE = SuggestionState.EMPTY;

    static Stream<Case> cases() {
        return Stream.of(
                new Case("60 days after the last referral given", PARTNER,
                        timeline(out("r1", REFERRAL_GIVEN, "2025-09-01 10:00", "Anna")), NONE, "2025-11-03 12:00",
                        List.of(share("2025-10-31 10:00",
                                "The team last shared an opportunity or a referral with them on 1 Sep."))),
                new Case("a shared opportunity counts as giving", PARTNER,
                        timeline(out("r1", REFERRAL_GIVEN, "2025-08-01 10:00", "Anna"),
                                out("o1", OPPORTUNITY_SHARED, "2025-09-01 10:00", "Marco")), NONE, "2025-11-03 12:00",
                        List.of(share("2025-10-31 10:00",
                                "The team last shared an opportunity or a referral with them on 1 Sep."))),
                new Case("nothing given yet: due now", PARTNER, timeline(), NONE, "2025-11-03 12:00",
                        List.of(share("2025-11-03 12:00",
                                "The team has not shared an opportunity or a referral with them yet."))),
                new Case("what they gave us never changes the suggestion", PARTNER,
                        timeline(in("x1", REFERRAL_RECEIVED, "2025-09-05 10:00", "Anna"),
                                in("x2", REFERRAL_RECEIVED, "2025-09-10 10:00", "Anna"),
                                in("x3", REFERRAL_RECEIVED, "2025-09-15 10:00", "Anna"),
                                in("x4", REFERRAL_RECEIVED, "2025-09-20 10:00", "Anna"),
                                in("x5", REFERRAL_RECEIVED, "2025-10-25 10:00", "Anna"),
                                out("r1", REFERRAL_GIVEN, "2025-09-01 10:00", "Anna")), NONE, "2025-11-03 12:00",
                        List.of(share("2025-10-31 10:00",
                                "The team last shared an opportunity or a referral with them on 1 Sep."))),
                new Case("only received, never given", PARTNER,
                        timeline(in("x1", REFERRAL_RECEIVED, "2025-09-05 10:00", "Anna"),
                                in("x2", REFERRAL_RECEIVED, "2025-09-10 10:00", "Anna")), NONE, "2025-11-03 12:00",
                        List.of(share("2025-11-03 12:00",
                                "The team has not shared an opportunity or a referral with them yet."))),
                new Case("marked done by hand: next one 60 days later", PARTNER, timeline(),
                        done("give_referral/none", "2025-10-15 10:00"), "2025-11-03 12:00",
                        List.of(share("2025-12-14 10:00",
                                "The team last shared an opportunity or a referral with them on 15 Oct."))),
                new Case("clients do not get referral suggestions", facts(RelationshipType.CLIENT).build(),
                        timeline(), NONE, "2025-11-03 12:00", List.of())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new GiveReferralRule().candidates(
                context(c.facts(), c.timeline(), TeamPolicy.defaults(), c.state(), rome(c.now())));
        assertCandidates(c.expected(), candidates);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverKeepsScore(Case c) {
        List<Candidate> candidates = new GiveReferralRule().candidates(
                context(c.facts(), c.timeline(), TeamPolicy.defaults(), c.state(), rome(c.now())));
        for (Candidate candidate : candidates) {
            String text = (candidate.suggestion().action() + " " + candidate.suggestion().reason())
                    .toLowerCase(Locale.ROOT);
            for (String forbidden : List.of("received", "balance", "score", "owe", "in return", "times", " 5 ", " 2 ")) {
                assertFalse(text.contains(forbidden), () -> "keeps score (" + forbidden + "): " + text);
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(c.expected().size(), candidates.size());
    }
}
