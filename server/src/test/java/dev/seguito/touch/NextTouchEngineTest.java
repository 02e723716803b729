package dev.seguito.touch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.seguito.touch.Fixtures.Expected;
import static dev.seguito.touch.Fixtures.assertChosen;
import static dev.seguito.touch.Fixtures.dismissed;
import static dev.seguito.touch.Fixtures.done;
import static dev.seguito.touch.Fixtures.expect;
import static dev.seguito.touch.Fixtures.facts;
import static dev.seguito.touch.Fixtures.in;
import static dev.seguito.touch.Fixtures.meeting;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.snoozed;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.EMAIL;
import static dev.seguito.touch.InteractionType.LINKEDIN_MESSAGE;
import static dev.seguito.touch.InteractionType.REFERRAL_GIVEN;
import static dev.seguito.touch.InteractionType.REFERRAL_RECEIVED;
import static dev.seguito.touch.RelationshipType.CLIENT;
import static dev.seguito.touch.RelationshipType.PARTNER;
import static dev.seguito.touch.RelationshipType.PROSPECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole engine: how candidates from several rules meet suppressions, user marks and ordering. */
class NextTouchEngineTest {

    record Case(String name, ContactFacts facts, List<Interaction> timeline, SuggestionState state, String now,
                Expected expected, String touchedBy) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final SuggestionState NONE = SuggestionState.EMPTY;
    static final String NOTE_REASON = "You met on 3 Nov and no written follow-up has been sent.";
    static final Interaction MET = meeting("m1", "2025-11-03 10:00", "Anna");
    static final Expected NOTE = expect("follow_up_24_7_30", "Send a short written follow-up", Channel.EMAIL,
            "2025-11-04 10:00", 2, NOTE_REASON);
    static final Expected CONNECT = expect("follow_up_24_7_30", "Send a LinkedIn connection request",
            Channel.LINKEDIN, "2025-11-10 10:00", 3, "You met on 3 Nov and are not connected on LinkedIn yet.");
    static final Expected CONGRATULATE = expect("data_hygiene", "Congratulate them on the new role at Globex",
            Channel.ANY, "2025-11-21 08:00", 2, "Their profile shows a move from Acme to Globex, noticed on 21 Nov.");
    static final Expected ANSWER_20_NOV = expect("answer_inbound", "Reply to their email", Channel.EMAIL,
            "2025-11-21 09:00", 1, "They emailed on 20 Nov and no one on the team has replied yet.");

    static final ContactFacts MOVED_CLIENT = facts(CLIENT).jobChange("Acme", "Globex", "2025-11-21 08:00").build();
    static final List<Interaction> TWO_MEMBERS = timeline(
            in("e0", EMAIL, "2025-10-01 10:00", "Anna"),
            out("e1", EMAIL, "2025-11-18 09:00", "Anna"),
            out("l1", LINKEDIN_MESSAGE, "2025-11-20 15:00", "Marco"));

    static Stream<Case> cases() {
        return Stream.of(
                new Case("low-fit prospect: their message still gets an answer", facts(PROSPECT).fit(0.2).build(),
                        timeline(MET, in("e1", EMAIL, "2025-11-20 09:00", "Anna")), NONE, "2025-11-20 10:00",
                        ANSWER_20_NOV, null),
                new Case("low-fit prospect: no proactive suggestion, not even 24/7/30",
                        facts(PROSPECT).fit(0.2).build(), timeline(MET), NONE, "2025-11-03 12:00", null, null),
                new Case("low-fit prospect: no address hunting either",
                        facts(PROSPECT).fit(0.2).bounced("x@acme.it").build(), timeline(), NONE, "2025-11-03 12:00",
                        null, null),
                new Case("unknown fit counts as fit", facts(PROSPECT).build(), timeline(MET), NONE,
                        "2025-11-03 12:00", NOTE, "Anna"),
                new Case("fit exactly at the minimum counts as fit", facts(PROSPECT).fit(0.5).build(), timeline(MET),
                        NONE, "2025-11-03 12:00", NOTE, "Anna"),
                new Case("a fit score on a client is ignored", facts(CLIENT).fit(0.1).build(), timeline(MET), NONE,
                        "2025-11-03 12:00", NOTE, "Anna"),
                new Case("answer first: a reply beats a congratulation", MOVED_CLIENT,
                        timeline(in("e1", EMAIL, "2025-11-20 09:00", "Anna")), NONE, "2025-11-21 10:00",
                        ANSWER_20_NOV, null),
                new Case("frequency cap: Marco touched them yesterday, nothing proactive", MOVED_CLIENT, TWO_MEMBERS,
                        NONE, "2025-11-21 10:00", null, null),
                new Case("frequency cap: exactly 3 days later the window has passed", MOVED_CLIENT, TWO_MEMBERS,
                        NONE, "2025-11-23 15:00", CONGRATULATE, null),
                new Case("frequency cap does not hold back answering, and says who is involved", facts(CLIENT).build(),
                        timeline(out("e0", EMAIL, "2025-11-19 09:00", "Marco"),
                                in("e1", EMAIL, "2025-11-20 09:00", "Marco")), NONE, "2025-11-20 10:00",
                        ANSWER_20_NOV, "Marco"),
                new Case("frequency cap does not hold back the 24 h note after the meeting", facts(CLIENT).build(),
                        timeline(MET), NONE, "2025-11-03 12:00", NOTE, "Anna"),
                new Case("frequency cap does not hold back research",
                        facts(CLIENT).bounced("x@acme.it").build(),
                        timeline(in("e0", EMAIL, "2025-11-01 10:00", "Anna"), out("e1", EMAIL, "2025-11-02 10:00", "Anna")),
                        NONE, "2025-11-03 10:00", expect("data_hygiene", "Find their new email address", Channel.ANY,
                        "2025-11-03 10:00", 3, "Email to x@acme.it bounced and no other address is on file."), "Anna"),
                new Case("meeting with several people, contact A: Marco wrote, so the note is done",
                        facts(PROSPECT).build(), timeline(MET, out("e1", EMAIL, "2025-11-03 18:00", "Marco")), NONE,
                        "2025-11-04 09:00", CONNECT, "Marco"),
                new Case("meeting with several people, contact B: nobody wrote to them yet",
                        facts(PROSPECT).build(), timeline(MET), NONE, "2025-11-04 09:00", NOTE, "Anna"),
                new Case("dismissed note: the next step comes up", facts(PROSPECT).build(), timeline(MET),
                        dismissed("follow_up_24_7_30/meeting:m1:note"), "2025-11-03 12:00", CONNECT, "Anna"),
                new Case("handwritten note marked done: the next step comes up", facts(PROSPECT).build(),
                        timeline(MET), done("follow_up_24_7_30/meeting:m1:note", "2025-11-03 20:00"),
                        "2025-11-04 09:00", CONNECT, "Anna"),
                new Case("snoozed: same suggestion, due date moved", facts(PROSPECT).build(), timeline(MET),
                        snoozed("2025-11-10 09:00"), "2025-11-03 12:00",
                        expect("follow_up_24_7_30", "Send a short written follow-up", Channel.EMAIL,
                                "2025-11-10 09:00", 2, NOTE_REASON), "Anna"),
                new Case("snooze ending before the due date changes nothing", facts(PROSPECT).build(), timeline(MET),
                        snoozed("2025-11-04 09:00"), "2025-11-03 12:00", NOTE, "Anna"),
                new Case("expired snooze changes nothing", facts(PROSPECT).build(), timeline(MET),
                        snoozed("2025-11-03 11:00"), "2025-11-03 12:00", NOTE, "Anna"),
                new Case("back-off replaces the rhythm with a value-giving touch", facts(PROSPECT).build(),
                        timeline(in("e0", EMAIL, "2025-10-02 10:00", "Anna"),
                                out("e1", EMAIL, "2025-10-06 10:00", "Anna"),
                                out("e2", EMAIL, "2025-10-13 10:00", "Marco"),
                                out("e3", EMAIL, "2025-10-20 10:00", "Anna")), NONE, "2025-11-03 12:00",
                        expect("dont_smother", "Share something useful, with no ask", Channel.ANY, "2025-11-17 10:00", 5,
                                "3 messages since their last reply on 2 Oct — giving them room."), null),
                new Case("dormant client: reconnect by giving first, rhythm is not offered", facts(CLIENT).build(),
                        timeline(in("e0", EMAIL, "2025-04-01 10:00", "Anna")), NONE, "2025-11-03 12:00",
                        expect("dormant", "Reconnect by giving first: share an opportunity or a referral", Channel.ANY,
                                "2025-09-28 10:00", 3, "Last two-way touch on 1 Apr, more than 180 days ago."), null),
                new Case("partner: overdue rhythm (2) before the referral (4)", facts(PARTNER).build(),
                        timeline(in("e0", EMAIL, "2025-08-01 10:00", "Anna"),
                                out("r1", REFERRAL_GIVEN, "2025-08-01 11:00", "Anna")), NONE, "2025-11-03 12:00",
                        expect("rhythm", "Reach out with something relevant to them", Channel.ANY, "2025-09-15 11:00", 2,
                                "Last two-way touch on 1 Aug, last touch from the team on 1 Aug; the rhythm for "
                                        + "partners is every 45 days."), null),
                new Case("same priority (4): the earlier due date wins", facts(PARTNER).build(),
                        timeline(in("x1", REFERRAL_RECEIVED, "2025-09-15 10:00", "Anna")), NONE, "2025-11-03 12:00",
                        expect("rhythm", "Reach out with something relevant to them", Channel.ANY, "2025-10-30 10:00", 4,
                                "Last two-way touch on 15 Sep; the rhythm for partners is every 45 days."), null)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        Optional<Suggestion> chosen = NextTouchEngine.suggest(c.facts(), c.timeline(), TeamPolicy.defaults(), c.state(),
                rome(c.now()));
        assertChosen(c.expected(), chosen);
        chosen.ifPresent(s -> assertEquals(c.touchedBy(), s.touchedByMemberName(), "touchedByMemberName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void explainAllAgreesWithSuggest(Case c) {
        Explanation explanation = NextTouchEngine.explainAll(c.facts(), c.timeline(), TeamPolicy.defaults(), c.state(),
                rome(c.now()));
        assertEquals(NextTouchEngine.suggest(c.facts(), c.timeline(), TeamPolicy.defaults(), c.state(), rome(c.now())),
                explanation.chosen());
        // a candidate missing from the answer is always accounted for by a suppression
        if (explanation.chosen().isEmpty()) {
            Set<String> suppressed = new java.util.HashSet<>();
            explanation.suppressions().forEach(s -> suppressed.add(s.candidateKey()));
            explanation.candidates().forEach(cand -> assertTrue(suppressed.contains(cand.key()), cand.key()));
        }
    }

    @Test
    void frequencyCapNamesTheColleagueWhoTouchedLast() {
        Explanation explanation = NextTouchEngine.explainAll(MOVED_CLIENT, TWO_MEMBERS, TeamPolicy.defaults(), NONE,
                rome("2025-11-21 10:00"));
        List<Suppression> capped = explanation.suppressionsBy("frequency_cap");
        assertEquals(List.of("data_hygiene/job:Globex", "rhythm/after:2025-11-20T14:00:00Z"),
                capped.stream().map(Suppression::candidateKey).toList());
        capped.forEach(s -> {
            assertEquals("Marco touched them on 20 Nov.", s.reason());
            assertEquals("Marco", s.touchedByMemberName());
            assertEquals(Suppression.Effect.DROPPED, s.effect());
        });
        assertTrue(explanation.chosen().isEmpty());
    }

    @Test
    void lowFitSuppressionsSayWhy() {
        Explanation explanation = NextTouchEngine.explainAll(facts(PROSPECT).fit(0.3).build(), timeline(MET),
                TeamPolicy.defaults(), NONE, rome("2025-11-03 12:00"));
        List<Suppression> lowFit = explanation.suppressionsBy("fit_first");
        assertEquals(4, lowFit.size(), "three 24/7/30 steps and the rhythm");
        lowFit.forEach(s -> assertEquals(
                "Fit score 0.30 is below the team minimum of 0.50 — no proactive touches.", s.reason()));
    }

    @Test
    void snoozeIsReportedAsADeferral() {
        Explanation explanation = NextTouchEngine.explainAll(facts(PROSPECT).build(), timeline(MET),
                TeamPolicy.defaults(), snoozed("2025-11-10 09:00"), rome("2025-11-03 12:00"));
        Suppression snooze = explanation.suppressionsBy("snooze").get(0);
        assertEquals("follow_up_24_7_30/meeting:m1:note", snooze.candidateKey());
        assertEquals(Suppression.Effect.DEFERRED, snooze.effect());
        assertEquals("Snoozed until 10 Nov.", snooze.reason());
        assertNull(snooze.touchedByMemberName());
    }

    @Test
    void dismissedAndDoneAreReported() {
        SuggestionState state = new SuggestionState(Set.of("follow_up_24_7_30/meeting:m1:note"), null,
                List.of(new DoneMark("follow_up_24_7_30/meeting:m1:connect", rome("2025-11-03 20:00"))));
        Explanation explanation = NextTouchEngine.explainAll(facts(PROSPECT).build(), timeline(MET),
                TeamPolicy.defaults(), state, rome("2025-11-04 09:00"));
        assertEquals("Dismissed by the team.", explanation.suppressionsBy("dismissed").get(0).reason());
        assertEquals("Marked done on 3 Nov.", explanation.suppressionsBy("done").get(0).reason());
        assertEquals("follow_up_24_7_30/meeting:m1:call", explanation.chosen().orElseThrow().key());
    }

    @Test
    void aDismissedRhythmComesBackWithNewEvidence() {
        ContactFacts client = facts(CLIENT).build();
        List<Interaction> before = timeline(in("e0", EMAIL, "2025-08-01 10:00", "Anna"));
        String key = NextTouchEngine.suggest(client, before, null, NONE, rome("2025-11-03 12:00")).orElseThrow().key();
        assertEquals("rhythm/after:2025-08-01T08:00:00Z", key);
        assertTrue(NextTouchEngine.suggest(client, before, null, dismissed(key), rome("2025-11-03 12:00")).isEmpty());

        List<Interaction> after = timeline(in("e0", EMAIL, "2025-08-01 10:00", "Anna"),
                in("e1", EMAIL, "2025-08-20 10:00", "Anna"), out("e2", EMAIL, "2025-08-20 12:00", "Anna"));
        Suggestion again = NextTouchEngine.suggest(client, after, null, dismissed(key), rome("2025-11-03 12:00"))
                .orElseThrow();
        assertEquals("rhythm", again.ruleId());
        assertEquals("rhythm/after:2025-08-20T10:00:00Z", again.key());
    }

    @Test
    void noReasonEverKeepsScoreOfReferrals() {
        List<Interaction> history = timeline(
                in("x1", REFERRAL_RECEIVED, "2025-06-01 10:00", "Anna"),
                in("x2", REFERRAL_RECEIVED, "2025-07-01 10:00", "Anna"),
                in("x3", REFERRAL_RECEIVED, "2025-08-01 10:00", "Anna"),
                out("r1", REFERRAL_GIVEN, "2025-05-01 10:00", "Anna"));
        for (String now : List.of("2025-08-02 10:00", "2025-09-20 10:00", "2025-11-03 10:00", "2026-03-01 10:00")) {
            Explanation explanation = NextTouchEngine.explainAll(facts(PARTNER).build(), history, null, NONE, rome(now));
            assertFalse(explanation.candidates().isEmpty());
            explanation.candidates().forEach(c -> assertNoScore(c.suggestion().action() + " " + c.suggestion().reason()));
            explanation.suppressions().forEach(s -> assertNoScore(s.reason()));
        }
    }

    private static void assertNoScore(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("received", "balance", "score", "owe", "in return", " 3 ", " 1 referral")) {
            assertFalse(lower.contains(forbidden), () -> "keeps score (" + forbidden + "): " + text);
        }
    }

    private static List<Interaction> reversed(List<Interaction> list) {
        List<Interaction> copy = new java.util.ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void sameInputSameAnswerWhateverTheTimelineOrder() {
        ContactFacts facts = facts(PROSPECT).build();
        List<Interaction> history = timeline(MET, in("e1", EMAIL, "2025-11-04 09:00", "Anna"));
        Explanation first = NextTouchEngine.explainAll(facts, history, null, null, rome("2025-11-04 10:00"));
        Explanation second = NextTouchEngine.explainAll(facts, reversed(history), null, null,
                rome("2025-11-04 10:00"));
        assertEquals(first, second);
    }
}
