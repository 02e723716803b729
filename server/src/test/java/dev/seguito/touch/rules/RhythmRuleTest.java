package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.ContactFacts;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.SuggestionState;
import dev.seguito.touch.TeamPolicy;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.seguito.touch.Fixtures.Expected;
import static dev.seguito.touch.Fixtures.assertCandidates;
import static dev.seguito.touch.Fixtures.context;
import static dev.seguito.touch.Fixtures.done;
import static dev.seguito.touch.Fixtures.expect;
import static dev.seguito.touch.Fixtures.facts;
import static dev.seguito.touch.Fixtures.in;
import static dev.seguito.touch.Fixtures.note;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.CALL;
import static dev.seguito.touch.InteractionType.EMAIL;
import static dev.seguito.touch.RelationshipType.CLIENT;
import static dev.seguito.touch.RelationshipType.COLLEAGUE;
import static dev.seguito.touch.RelationshipType.OTHER;
import static dev.seguito.touch.RelationshipType.PARTNER;
import static dev.seguito.touch.RelationshipType.PROSPECT;

class RhythmRuleTest {

    record Case(String name, ContactFacts facts, List<Interaction> timeline, TeamPolicy policy, SuggestionState state,
                String now, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected rhythm(String due, int priority, String reason) {
        return expect(RhythmRule.ID, "Reach out with something relevant to them", Channel.ANY, due, priority, reason);
    }

    static final TeamPolicy D = TeamPolicy.defaults();
    static final SuggestionState NONE = SuggestionState.EMPTY;

    static ContactFacts f(RelationshipType type) {
        return facts(type).build();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("client not yet due: lowest priority, due date shown", f(CLIENT),
                        timeline(in("e1", EMAIL, "2025-10-20 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-19 10:00", 5,
                                "Last two-way touch on 20 Oct; the rhythm for clients is every 30 days."))),
                new Case("client just overdue (under half an interval): 4, wall-clock kept across DST", f(CLIENT),
                        timeline(in("e1", EMAIL, "2025-10-03 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-02 10:00", 4,
                                "Last two-way touch on 3 Oct; the rhythm for clients is every 30 days."))),
                new Case("client overdue by more than half an interval: 3", f(CLIENT),
                        timeline(in("e1", EMAIL, "2025-09-15 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-10-15 10:00", 3,
                                "Last two-way touch on 15 Sep; the rhythm for clients is every 30 days."))),
                new Case("client overdue by more than a whole interval: 2", f(CLIENT),
                        timeline(in("e1", EMAIL, "2025-08-01 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-08-31 10:00", 2,
                                "Last two-way touch on 1 Aug; the rhythm for clients is every 30 days."))),
                new Case("exactly half an interval overdue counts as 3", f(PROSPECT),
                        timeline(in("e1", EMAIL, "2025-10-13 10:00", "Anna")), D, NONE, "2025-11-03 10:00",
                        List.of(rhythm("2025-10-27 10:00", 3,
                                "Last two-way touch on 13 Oct; the rhythm for prospects is every 14 days."))),
                new Case("our unanswered message restarts the clock", f(PROSPECT),
                        timeline(in("e1", EMAIL, "2025-10-01 10:00", "Anna"),
                                out("e2", EMAIL, "2025-10-20 10:00", "Marco")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-03 10:00", 4, "Last two-way touch on 1 Oct, last touch from the team on "
                                + "20 Oct; the rhythm for prospects is every 14 days."))),
                new Case("only our outreach so far", f(PROSPECT),
                        timeline(out("e1", EMAIL, "2025-10-20 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-03 10:00", 4,
                                "No two-way touch yet, last touch from the team on 20 Oct; the rhythm for prospects "
                                        + "is every 14 days."))),
                new Case("no touch at all: due now", f(OTHER), timeline(), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-03 12:00", 4,
                                "No touch recorded yet; the rhythm for other contacts is every 60 days."))),
                new Case("internal notes are not touches", f(OTHER), timeline(note("n1", "2025-10-01 10:00", "Anna")),
                        D, NONE, "2025-11-03 12:00", List.of(rhythm("2025-11-03 12:00", 4,
                        "No touch recorded yet; the rhythm for other contacts is every 60 days."))),
                new Case("an outbound call is a two-way touch", f(PARTNER),
                        timeline(out("p1", CALL, "2025-10-01 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-15 10:00", 5,
                                "Last two-way touch on 1 Oct; the rhythm for partners is every 45 days."))),
                new Case("first met (no timeline) counts as a two-way touch",
                        facts(COLLEAGUE).firstMet("2025-09-01 10:00").build(), timeline(), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-11-30 10:00", 5,
                                "Last two-way touch on 1 Sep; the rhythm for colleagues is every 90 days."))),
                new Case("a done mark counts as a team touch", f(CLIENT),
                        timeline(in("e1", EMAIL, "2025-10-01 10:00", "Anna")), D,
                        done("rhythm/after:2025-10-01T08:00:00Z", "2025-10-25 10:00"), "2025-11-03 12:00",
                        List.of(rhythm("2025-11-24 10:00", 5, "Last two-way touch on 1 Oct, last touch from the team "
                                + "on 25 Oct; the rhythm for clients is every 30 days."))),
                new Case("evidence from last year shows the year", f(PROSPECT),
                        timeline(in("e1", EMAIL, "2024-12-20 10:00", "Anna")), D, NONE, "2025-01-10 10:00",
                        List.of(rhythm("2025-01-03 10:00", 3,
                                "Last two-way touch on 20 Dec 2024; the rhythm for prospects is every 14 days."))),
                new Case("team-set interval", f(CLIENT), timeline(in("e1", EMAIL, "2025-10-20 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("rhythmDays", new JsonObject().put("client", 10))),
                        NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-10-30 10:00", 4,
                                "Last two-way touch on 20 Oct; the rhythm for clients is every 10 days."))),
                new Case("a dormant client is left to the dormant rule", f(CLIENT),
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), D, NONE, "2025-11-03 12:00", List.of()),
                new Case("a long-silent prospect is not dormant: rhythm stays", f(PROSPECT),
                        timeline(in("e1", EMAIL, "2025-04-01 10:00", "Anna")), D, NONE, "2025-11-03 12:00",
                        List.of(rhythm("2025-04-15 10:00", 2,
                                "Last two-way touch on 1 Apr; the rhythm for prospects is every 14 days.")))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new RhythmRule().candidates(
                context(c.facts(), c.timeline(), c.policy(), c.state(), rome(c.now())));
        assertCandidates(c.expected(), candidates);
    }
}
