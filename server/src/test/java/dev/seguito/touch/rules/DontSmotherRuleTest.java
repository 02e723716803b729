package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.ContactFacts;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.SuggestionState;
import dev.seguito.touch.Suppression;
import dev.seguito.touch.TeamPolicy;
import dev.seguito.touch.TouchContext;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.seguito.touch.Fixtures.Expected;
import static dev.seguito.touch.Fixtures.assertCandidates;
import static dev.seguito.touch.Fixtures.context;
import static dev.seguito.touch.Fixtures.expect;
import static dev.seguito.touch.Fixtures.facts;
import static dev.seguito.touch.Fixtures.in;
import static dev.seguito.touch.Fixtures.meeting;
import static dev.seguito.touch.Fixtures.note;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.CALL;
import static dev.seguito.touch.InteractionType.EMAIL;
import static dev.seguito.touch.InteractionType.LINKEDIN_CONNECTION;
import static dev.seguito.touch.InteractionType.LINKEDIN_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DontSmotherRuleTest {

    record Case(String name, ContactFacts facts, List<Interaction> timeline, TeamPolicy policy, String now,
                List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected giveRoom(String due, String reason) {
        return expect(DontSmotherRule.ID, "Share something useful, with no ask", Channel.ANY, due, 5, reason);
    }

    static final ContactFacts PROSPECT = facts(RelationshipType.PROSPECT).build();
    static final TeamPolicy D = TeamPolicy.defaults();
    static final Interaction REPLY = in("e0", EMAIL, "2025-10-02 10:00", "Anna");
    static final Interaction M1 = out("e1", EMAIL, "2025-10-06 10:00", "Anna");
    static final Interaction M2 = out("e2", LINKEDIN_MESSAGE, "2025-10-13 10:00", "Marco");
    static final Interaction M3 = out("e3", EMAIL, "2025-10-20 10:00", "Anna");
    static final Interaction M4 = out("e4", EMAIL, "2025-10-27 10:00", "Anna");

    static Stream<Case> cases() {
        return Stream.of(
                new Case("two unanswered messages: no back-off yet", PROSPECT, timeline(REPLY, M1, M2), D,
                        "2025-11-03 12:00", List.of()),
                new Case("three unanswered (two members): interval doubled from the last message", PROSPECT,
                        timeline(REPLY, M1, M2, M3), D, "2025-11-03 12:00",
                        List.of(giveRoom("2025-11-17 10:00",
                                "3 messages since their last reply on 2 Oct — giving them room."))),
                new Case("four unanswered: interval quadrupled", PROSPECT, timeline(REPLY, M1, M2, M3, M4), D,
                        "2025-11-03 12:00", List.of(giveRoom("2025-12-22 10:00",
                        "4 messages since their last reply on 2 Oct — giving them room."))),
                new Case("last response was a call", PROSPECT,
                        timeline(out("p0", CALL, "2025-10-02 10:00", "Anna"), M1, M2, M3), D, "2025-11-03 12:00",
                        List.of(giveRoom("2025-11-17 10:00",
                                "3 messages since you last spoke on 2 Oct — giving them room."))),
                new Case("last response was a meeting", PROSPECT,
                        timeline(meeting("m0", "2025-10-02 10:00", "Anna"), M1, M2, M3), D, "2025-11-03 12:00",
                        List.of(giveRoom("2025-11-17 10:00",
                                "3 messages since you last spoke on 2 Oct — giving them room."))),
                new Case("they never replied", PROSPECT, timeline(M1, M2, M3), D, "2025-11-03 12:00",
                        List.of(giveRoom("2025-11-17 10:00", "3 messages and no reply yet — giving them room."))),
                new Case("a connection request is outreach too", PROSPECT,
                        timeline(REPLY, M1, out("c1", LINKEDIN_CONNECTION, "2025-10-13 10:00", "Anna"), M3), D,
                        "2025-11-03 12:00", List.of(giveRoom("2025-11-17 10:00",
                        "3 messages since their last reply on 2 Oct — giving them room."))),
                new Case("internal notes do not count", PROSPECT,
                        timeline(REPLY, M1, note("n1", "2025-10-10 10:00", "Anna"), M2), D, "2025-11-03 12:00",
                        List.of()),
                new Case("a reply resets the count", PROSPECT,
                        timeline(M1, M2, in("e9", EMAIL, "2025-10-15 10:00", "Anna"), M3), D, "2025-11-03 12:00",
                        List.of()),
                new Case("clients back off on their own interval (30 × 2)", facts(RelationshipType.CLIENT).build(),
                        timeline(REPLY, M1, M2, M3), D, "2025-11-03 12:00",
                        List.of(giveRoom("2025-12-19 10:00",
                                "3 messages since their last reply on 2 Oct — giving them room."))),
                new Case("team policy: threshold 2, multiplier 1.5 (21 days, rounded up)", PROSPECT,
                        timeline(REPLY, M1, M2),
                        TeamPolicy.fromJson(new JsonObject().put("backoffThreshold", 2).put("backoffMultiplier", 1.5)),
                        "2025-11-03 12:00", List.of(giveRoom("2025-11-03 10:00",
                        "2 messages since their last reply on 2 Oct — giving them room.")))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new DontSmotherRule().candidates(
                context(c.facts(), c.timeline(), c.policy(), SuggestionState.EMPTY, rome(c.now())));
        assertCandidates(c.expected(), candidates);
    }

    @Test
    void withholdsMoreOfTheSameButNotRepliesOrSequenceSteps() {
        TouchContext ctx = context(facts(RelationshipType.PARTNER).build(),
                timeline(REPLY, M1, M2, M3), D, SuggestionState.EMPTY, rome("2025-11-03 12:00"));
        List<Candidate> candidates = new ArrayList<>();
        candidates.addAll(new RhythmRule().candidates(ctx));
        candidates.addAll(new GiveReferralRule().candidates(ctx));
        candidates.addAll(new DontSmotherRule().candidates(ctx));
        List<Suppression> suppressions = new DontSmotherRule().suppress(ctx, candidates);
        assertEquals(List.of("rhythm/after:2025-10-20T08:00:00Z", "give_referral/none"),
                suppressions.stream().map(Suppression::candidateKey).toList());
        suppressions.forEach(s -> {
            assertEquals("dont_smother", s.by());
            assertEquals(Suppression.Effect.DROPPED, s.effect());
            assertEquals("3 messages since their last reply on 2 Oct — giving them room.", s.reason());
        });
    }
}
