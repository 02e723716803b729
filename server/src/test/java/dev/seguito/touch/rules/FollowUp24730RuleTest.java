package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.ContactFacts;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.SuggestionState;
import dev.seguito.touch.TeamPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.seguito.touch.Channel.LINKEDIN;
import static dev.seguito.touch.Channel.PHONE;
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

class FollowUp24730RuleTest {

    private static final String ID = FollowUp24730Rule.ID;

    record Case(String name, ContactFacts facts, List<Interaction> timeline, String now, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected noteStep(String due, String met) {
        return expect(ID, "Send a short written follow-up", dev.seguito.touch.Channel.EMAIL, due, 2,
                "You met on " + met + " and no written follow-up has been sent.");
    }

    static Expected connect(String due, String met) {
        return expect(ID, "Send a LinkedIn connection request", LINKEDIN, due, 3,
                "You met on " + met + " and are not connected on LinkedIn yet.");
    }

    static Expected call(String due, String met) {
        return expect(ID, "Call to set up the next meeting", PHONE, due, 3,
                "You met on " + met + " and no call or meeting has followed yet.");
    }

    static final ContactFacts PROSPECT = facts(RelationshipType.PROSPECT).build();
    static final Interaction MET = meeting("m1", "2025-11-03 10:00", "Anna");

    static Stream<Case> cases() {
        return Stream.of(
                new Case("right after the meeting all three steps are open", PROSPECT, timeline(MET),
                        "2025-11-03 12:00", List.of(noteStep("2025-11-04 10:00", "3 Nov"),
                        connect("2025-11-10 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("an email by a colleague who was not at the meeting completes the note", PROSPECT,
                        timeline(MET, out("e1", EMAIL, "2025-11-03 18:00", "Marco")),
                        "2025-11-04 09:00", List.of(connect("2025-11-10 10:00", "3 Nov"),
                        call("2025-12-03 10:00", "3 Nov"))),
                new Case("a LinkedIn message also counts as the written note", PROSPECT,
                        timeline(MET, out("l1", LINKEDIN_MESSAGE, "2025-11-03 18:00", "Anna")),
                        "2025-11-04 09:00", List.of(connect("2025-11-10 10:00", "3 Nov"),
                        call("2025-12-03 10:00", "3 Nov"))),
                new Case("their email after the meeting is not our follow-up", PROSPECT,
                        timeline(MET, in("e1", EMAIL, "2025-11-03 15:00", "Anna")),
                        "2025-11-03 16:00", List.of(noteStep("2025-11-04 10:00", "3 Nov"),
                        connect("2025-11-10 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("an internal note is not a written follow-up", PROSPECT,
                        timeline(MET, note("n1", "2025-11-03 11:00", "Anna")),
                        "2025-11-03 12:00", List.of(noteStep("2025-11-04 10:00", "3 Nov"),
                        connect("2025-11-10 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("an email sent before the meeting does not count", PROSPECT,
                        timeline(out("e0", EMAIL, "2025-11-01 09:00", "Anna"), MET),
                        "2025-11-03 12:00", List.of(noteStep("2025-11-04 10:00", "3 Nov"),
                        connect("2025-11-10 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("already connected on LinkedIn skips the connection step",
                        facts(RelationshipType.PROSPECT).connected().build(), timeline(MET),
                        "2025-11-03 12:00", List.of(noteStep("2025-11-04 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("a connection request after the meeting completes day 7", PROSPECT,
                        timeline(MET, out("e1", EMAIL, "2025-11-03 18:00", "Anna"),
                                out("c1", LINKEDIN_CONNECTION, "2025-11-05 09:00", "Anna")),
                        "2025-11-06 09:00", List.of(call("2025-12-03 10:00", "3 Nov"))),
                new Case("their connection request accepted also completes day 7", PROSPECT,
                        timeline(MET, out("e1", EMAIL, "2025-11-03 18:00", "Anna"),
                                in("c1", LINKEDIN_CONNECTION, "2025-11-05 09:00", "Anna")),
                        "2025-11-06 09:00", List.of(call("2025-12-03 10:00", "3 Nov"))),
                new Case("a call completes day 30 and ends the sequence", PROSPECT,
                        timeline(MET, out("e1", EMAIL, "2025-11-03 18:00", "Anna"),
                                out("c1", LINKEDIN_CONNECTION, "2025-11-05 09:00", "Anna"),
                                out("p1", CALL, "2025-11-28 09:00", "Marco")),
                        "2025-11-29 09:00", List.of()),
                new Case("a second meeting also completes day 30", PROSPECT,
                        timeline(MET, meeting("m2", "2025-11-20 15:00", "Marco")),
                        "2025-11-21 09:00", List.of(connect("2025-11-10 10:00", "3 Nov"))),
                new Case("the note lapses exactly at day 7", PROSPECT, timeline(MET),
                        "2025-11-10 10:00", List.of(connect("2025-11-10 10:00", "3 Nov"),
                        call("2025-12-03 10:00", "3 Nov"))),
                new Case("one minute before day 7 the note is still open (overdue)", PROSPECT, timeline(MET),
                        "2025-11-10 09:59", List.of(noteStep("2025-11-04 10:00", "3 Nov"),
                        connect("2025-11-10 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("after day 30 only the call remains", PROSPECT, timeline(MET),
                        "2025-12-10 09:00", List.of(call("2025-12-03 10:00", "3 Nov"))),
                new Case("after day 60 the sequence is over", PROSPECT, timeline(MET),
                        "2026-01-02 10:00", List.of()),
                new Case("first met at an event, no meeting logged", facts(RelationshipType.PARTNER)
                        .firstMet("2025-11-03 10:00").build(), timeline(),
                        "2025-11-03 12:00", List.of(noteStep("2025-11-04 10:00", "3 Nov"),
                        connect("2025-11-10 10:00", "3 Nov"), call("2025-12-03 10:00", "3 Nov"))),
                new Case("no meeting at all: nothing to follow up", PROSPECT,
                        timeline(out("e1", EMAIL, "2025-11-03 10:00", "Anna")), "2025-11-03 12:00", List.of()),
                new Case("meeting at 23:30 Rome time: dates in the team zone, note due 24 h later", PROSPECT,
                        timeline(meeting("m1", "2025-11-03 23:30", "Anna")), "2025-11-04 08:00",
                        List.of(noteStep("2025-11-04 23:30", "3 Nov"), connect("2025-11-10 23:30", "3 Nov"),
                                call("2025-12-03 23:30", "3 Nov"))),
                new Case("meeting at 00:30 Rome time is still 3 Nov in UTC but 4 Nov for the team", PROSPECT,
                        timeline(meeting("m1", "2025-11-04 00:30", "Anna")), "2025-11-04 08:00",
                        List.of(noteStep("2025-11-05 00:30", "4 Nov"), connect("2025-11-11 00:30", "4 Nov"),
                                call("2025-12-04 00:30", "4 Nov"))),
                new Case("summer meeting at 23:30 Rome (21:30 UTC)", PROSPECT,
                        timeline(meeting("m1", "2025-07-03 23:30", "Anna")), "2025-07-04 08:00",
                        List.of(noteStep("2025-07-04 23:30", "3 Jul"), connect("2025-07-10 23:30", "3 Jul"),
                                call("2025-08-02 23:30", "3 Jul"))),
                new Case("across the DST change: 24 h is 24 h, day 7 keeps the wall-clock time", PROSPECT,
                        timeline(meeting("m1", "2025-10-25 12:00", "Anna")), "2025-10-25 13:00",
                        List.of(noteStep("2025-10-26 11:00", "25 Oct"), connect("2025-11-01 12:00", "25 Oct"),
                                call("2025-11-24 12:00", "25 Oct"))),
                new Case("a scheduled meeting in the future is not a first meeting yet", PROSPECT,
                        timeline(meeting("m1", "2025-11-10 10:00", "Anna")), "2025-11-03 12:00", List.of())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new FollowUp24730Rule().candidates(
                context(c.facts(), c.timeline(), TeamPolicy.defaults(), SuggestionState.EMPTY, rome(c.now())));
        assertCandidates(c.expected(), candidates);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCandidateIsASequenceStepKeyedOnTheMeeting(Case c) {
        List<Candidate> candidates = new FollowUp24730Rule().candidates(
                context(c.facts(), c.timeline(), TeamPolicy.defaults(), SuggestionState.EMPTY, rome(c.now())));
        for (Candidate candidate : candidates) {
            assertEquals(Candidate.Kind.SEQUENCE, candidate.kind());
            String key = candidate.suggestion().evidenceKey();
            assertEquals(true, key.startsWith("meeting:") || key.startsWith("met:"), key);
        }
        assertEquals(c.expected().size(), candidates.size());
    }
}
