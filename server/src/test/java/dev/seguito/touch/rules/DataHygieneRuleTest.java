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
import java.util.stream.Stream;

import static dev.seguito.touch.Fixtures.Expected;
import static dev.seguito.touch.Fixtures.assertCandidates;
import static dev.seguito.touch.Fixtures.context;
import static dev.seguito.touch.Fixtures.expect;
import static dev.seguito.touch.Fixtures.facts;
import static dev.seguito.touch.Fixtures.in;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.EMAIL;
import static dev.seguito.touch.InteractionType.LINKEDIN_MESSAGE;
import static dev.seguito.touch.RelationshipType.CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DataHygieneRuleTest {

    record Case(String name, ContactFacts facts, List<Interaction> timeline, String now, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected congratulate(Channel channel, String due, String reason) {
        return expect(DataHygieneRule.ID, "Congratulate them on the new role at Globex", channel, due, 2, reason);
    }

    static Expected findAddress(String due, String reason) {
        return expect(DataHygieneRule.ID, "Find their new email address", Channel.ANY, due, 3, reason);
    }

    static final String MOVED = "Their profile shows a move from Acme to Globex, noticed on 3 Nov.";

    static Stream<Case> cases() {
        return Stream.of(
                new Case("job change: congratulate, due when noticed",
                        facts(CLIENT).jobChange("Acme", "Globex", "2025-11-03 09:00").build(), timeline(),
                        "2025-11-03 10:00", List.of(congratulate(Channel.ANY, "2025-11-03 09:00", MOVED))),
                new Case("connected on LinkedIn: congratulate there",
                        facts(CLIENT).connected().jobChange("Acme", "Globex", "2025-11-03 09:00").build(), timeline(),
                        "2025-11-03 10:00", List.of(congratulate(Channel.LINKEDIN, "2025-11-03 09:00", MOVED))),
                new Case("previous company unknown",
                        facts(CLIENT).jobChange(null, "Globex", "2025-11-03 09:00").build(), timeline(),
                        "2025-11-03 10:00", List.of(congratulate(Channel.ANY, "2025-11-03 09:00",
                        "Their profile shows a new role at Globex, noticed on 3 Nov."))),
                new Case("a team message after the news: already acknowledged",
                        facts(CLIENT).jobChange("Acme", "Globex", "2025-11-03 09:00").build(),
                        timeline(out("l1", LINKEDIN_MESSAGE, "2025-11-03 12:00", "Marco")), "2025-11-04 10:00",
                        List.of()),
                new Case("their message after the news is not our congratulation",
                        facts(CLIENT).jobChange("Acme", "Globex", "2025-11-03 09:00").build(),
                        timeline(in("l1", LINKEDIN_MESSAGE, "2025-11-03 12:00", "Marco")), "2025-11-04 10:00",
                        List.of(congratulate(Channel.ANY, "2025-11-03 09:00", MOVED))),
                new Case("a team touch before the news does not count",
                        facts(CLIENT).jobChange("Acme", "Globex", "2025-11-03 09:00").build(),
                        timeline(out("e1", EMAIL, "2025-11-01 12:00", "Marco")), "2025-11-04 10:00",
                        List.of(congratulate(Channel.ANY, "2025-11-03 09:00", MOVED))),
                new Case("bounced and nothing else on file: find the address, due now",
                        facts(CLIENT).bounced("mario@acme.it").build(), timeline(), "2025-11-03 10:00",
                        List.of(findAddress("2025-11-03 10:00",
                                "Email to mario@acme.it bounced and no other address is on file."))),
                new Case("several bounced addresses are listed in a stable order",
                        facts(CLIENT).bounced("z@acme.it", "m.rossi@acme.it").build(), timeline(), "2025-11-03 10:00",
                        List.of(findAddress("2025-11-03 10:00",
                                "Emails to m.rossi@acme.it, z@acme.it bounced and no other address is on file."))),
                new Case("bounced but another address works: nothing to do",
                        facts(CLIENT).bounced("mario@acme.it").stillHasValidEmail().build(), timeline(),
                        "2025-11-03 10:00", List.of()),
                new Case("job change and bounce together: both candidates",
                        facts(CLIENT).jobChange("Acme", "Globex", "2025-11-03 09:00").bounced("mario@acme.it").build(),
                        timeline(), "2025-11-03 10:00",
                        List.of(congratulate(Channel.ANY, "2025-11-03 09:00", MOVED), findAddress("2025-11-03 10:00",
                                "Email to mario@acme.it bounced and no other address is on file."))),
                new Case("clean record: nothing", facts(RelationshipType.PROSPECT).build(), timeline(),
                        "2025-11-03 10:00", List.of())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new DataHygieneRule().candidates(
                context(c.facts(), c.timeline(), TeamPolicy.defaults(), SuggestionState.EMPTY, rome(c.now())));
        assertCandidates(c.expected(), candidates);
        for (Candidate candidate : candidates) {
            // congratulating is a touch on the person (capped); looking up an address is not
            assertEquals(candidate.suggestion().action().startsWith("Find") ? Candidate.Kind.RESEARCH
                    : Candidate.Kind.PROACTIVE, candidate.kind());
        }
    }
}
