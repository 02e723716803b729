package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.SuggestionState;
import dev.seguito.touch.TeamPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
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
import static dev.seguito.touch.Fixtures.note;
import static dev.seguito.touch.Fixtures.out;
import static dev.seguito.touch.Fixtures.rome;
import static dev.seguito.touch.Fixtures.timeline;
import static dev.seguito.touch.InteractionType.CALL;
import static dev.seguito.touch.InteractionType.EMAIL;
import static dev.seguito.touch.InteractionType.LINKEDIN_CONNECTION;
import static dev.seguito.touch.InteractionType.LINKEDIN_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerInboundRuleTest {

    record Case(String name, List<Interaction> timeline, TeamPolicy policy, String now, List<Expected> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Expected replyEmail(String due, String wrote) {
        return expect(AnswerInboundRule.ID, "Reply to their email", dev.seguito.touch.Channel.EMAIL, due, 1,
                "They emailed on " + wrote + " and no one on the team has replied yet.");
    }

    static Expected replyLinkedin(String due, String wrote) {
        return expect(AnswerInboundRule.ID, "Reply to their LinkedIn message", dev.seguito.touch.Channel.LINKEDIN,
                due, 1, "They wrote on LinkedIn on " + wrote + " and no one on the team has replied yet.");
    }

    static final TeamPolicy DEFAULTS = TeamPolicy.defaults();

    static Stream<Case> cases() {
        return Stream.of(
                new Case("email on Monday: due Tuesday, same time",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna")), DEFAULTS, "2025-11-03 11:00",
                        List.of(replyEmail("2025-11-04 10:00", "3 Nov"))),
                new Case("email on Thursday evening: due Friday",
                        timeline(in("e1", EMAIL, "2025-11-06 18:00", "Anna")), DEFAULTS, "2025-11-06 18:05",
                        List.of(replyEmail("2025-11-07 18:00", "6 Nov"))),
                new Case("email on Friday evening: due Monday, the weekend does not count",
                        timeline(in("e1", EMAIL, "2025-11-07 19:00", "Anna")), DEFAULTS, "2025-11-07 19:05",
                        List.of(replyEmail("2025-11-10 19:00", "7 Nov"))),
                new Case("email on Saturday: due Monday",
                        timeline(in("e1", EMAIL, "2025-11-08 10:00", "Anna")), DEFAULTS, "2025-11-08 11:00",
                        List.of(replyEmail("2025-11-10 10:00", "8 Nov"))),
                new Case("email on Sunday: due Monday",
                        timeline(in("e1", EMAIL, "2025-11-09 21:00", "Anna")), DEFAULTS, "2025-11-09 22:00",
                        List.of(replyEmail("2025-11-10 21:00", "9 Nov"))),
                new Case("00:30 Saturday in Rome is Friday in UTC: the team's weekend applies",
                        timeline(in("e1", EMAIL, "2025-11-08 00:30", "Anna")), DEFAULTS, "2025-11-08 08:00",
                        List.of(replyEmail("2025-11-10 00:30", "8 Nov"))),
                new Case("23:30 Friday in Rome",
                        timeline(in("e1", EMAIL, "2025-11-07 23:30", "Anna")), DEFAULTS, "2025-11-08 08:00",
                        List.of(replyEmail("2025-11-10 23:30", "7 Nov"))),
                new Case("email on Friday before the DST change: Monday, same wall-clock time",
                        timeline(in("e1", EMAIL, "2025-10-24 10:00", "Anna")), DEFAULTS, "2025-10-24 11:00",
                        List.of(replyEmail("2025-10-27 10:00", "24 Oct"))),
                new Case("two business days from Friday: Tuesday",
                        timeline(in("e1", EMAIL, "2025-11-07 19:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("answerEmailBusinessDays", 2)), "2025-11-07 19:05",
                        List.of(replyEmail("2025-11-11 19:00", "7 Nov"))),
                new Case("email on Friday, Monday a day off for the team: due Tuesday",
                        timeline(in("e1", EMAIL, "2025-11-07 19:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("daysOff", new JsonArray().add("2025-11-10"))), "2025-11-07 19:05",
                        List.of(replyEmail("2025-11-11 19:00", "7 Nov"))),
                new Case("email on a day off: due the next working day, as from a Saturday",
                        timeline(in("e1", EMAIL, "2025-12-25 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("daysOff", new JsonArray().add("2025-12-25").add("2025-12-26"))),
                        "2025-12-25 11:00",
                        List.of(replyEmail("2025-12-29 10:00", "25 Dec"))),
                new Case("email on Christmas Eve, no holiday country: due on Christmas Day",
                        timeline(in("e1", EMAIL, "2025-12-24 10:00", "Anna")), DEFAULTS, "2025-12-24 11:00",
                        List.of(replyEmail("2025-12-25 10:00", "24 Dec"))),
                new Case("email on Christmas Eve, Italian holidays: 25 and 26 Dec are public holidays, due Monday",
                        timeline(in("e1", EMAIL, "2025-12-24 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "IT")), "2025-12-24 11:00",
                        List.of(replyEmail("2025-12-29 10:00", "24 Dec"))),
                new Case("email the day before Ferragosto: Italy skips 15 Aug, the United States do not",
                        timeline(in("e1", EMAIL, "2025-08-14 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "it")), "2025-08-14 11:00",
                        List.of(replyEmail("2025-08-18 10:00", "14 Aug"))),
                new Case("the same email for a team with US holidays: due on 15 Aug",
                        timeline(in("e1", EMAIL, "2025-08-14 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "US").put("timeZone", "Europe/Rome")),
                        "2025-08-14 11:00", List.of(replyEmail("2025-08-15 10:00", "14 Aug"))),
                new Case("email on Friday 4 Dec in Milan: Sant'Ambrogio on Monday, Immacolata on Tuesday, due Wednesday",
                        timeline(in("e1", EMAIL, "2026-12-04 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "IT-MI")), "2026-12-04 11:00",
                        List.of(replyEmail("2026-12-09 10:00", "4 Dec"))),
                new Case("the same email for a team in the rest of Italy: due on Monday 7 Dec",
                        timeline(in("e1", EMAIL, "2026-12-04 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "IT")), "2026-12-04 11:00",
                        List.of(replyEmail("2026-12-07 10:00", "4 Dec"))),
                new Case("email on Monday 5 Jan in Bavaria: Epiphany is off there, due Wednesday",
                        timeline(in("e1", EMAIL, "2026-01-05 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "DE-BY").put("timeZone", "Europe/Berlin")),
                        "2026-01-05 11:00", List.of(replyEmail("2026-01-07 10:00", "5 Jan"))),
                new Case("the same email in Berlin: due on 6 Jan",
                        timeline(in("e1", EMAIL, "2026-01-05 10:00", "Anna")),
                        TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "DE").put("timeZone", "Europe/Berlin")),
                        "2026-01-05 11:00", List.of(replyEmail("2026-01-06 10:00", "5 Jan"))),
                new Case("LinkedIn message on Friday: two calendar days, Sunday",
                        timeline(in("l1", LINKEDIN_MESSAGE, "2025-11-07 19:00", "Anna")), DEFAULTS, "2025-11-07 19:05",
                        List.of(replyLinkedin("2025-11-09 19:00", "7 Nov"))),
                new Case("overdue reply is still suggested, with its original due date",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna")), DEFAULTS, "2025-11-20 10:00",
                        List.of(replyEmail("2025-11-04 10:00", "3 Nov"))),
                new Case("unanswered for a whole client interval (30 days): rhythm takes over",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna")), DEFAULTS, "2025-12-03 10:00",
                        List.of()),
                new Case("a minute before the interval ends it is still a reply",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna")), DEFAULTS, "2025-12-03 09:59",
                        List.of(replyEmail("2025-11-04 10:00", "3 Nov"))),
                new Case("a colleague replied: nothing to answer",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna"),
                                out("e2", EMAIL, "2025-11-03 12:00", "Marco")), DEFAULTS, "2025-11-03 13:00",
                        List.of()),
                new Case("a reply on another channel counts",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna"),
                                out("l1", LINKEDIN_MESSAGE, "2025-11-03 12:00", "Anna")), DEFAULTS, "2025-11-03 13:00",
                        List.of()),
                new Case("a call after their email answers it",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna"),
                                out("p1", CALL, "2025-11-03 12:00", "Marco")), DEFAULTS, "2025-11-03 13:00",
                        List.of()),
                new Case("an internal note is not a reply",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna"),
                                note("n1", "2025-11-03 12:00", "Anna")), DEFAULTS, "2025-11-03 13:00",
                        List.of(replyEmail("2025-11-04 10:00", "3 Nov"))),
                new Case("their answer to our email needs a reply",
                        timeline(out("e1", EMAIL, "2025-11-03 10:00", "Anna"),
                                in("e2", EMAIL, "2025-11-04 09:00", "Anna")), DEFAULTS, "2025-11-04 10:00",
                        List.of(replyEmail("2025-11-05 09:00", "4 Nov"))),
                new Case("email then LinkedIn message unanswered: answer the latest",
                        timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna"),
                                in("l1", LINKEDIN_MESSAGE, "2025-11-04 09:00", "Anna")), DEFAULTS, "2025-11-04 10:00",
                        List.of(replyLinkedin("2025-11-06 09:00", "4 Nov"))),
                new Case("their connection request is not a message to answer",
                        timeline(in("c1", LINKEDIN_CONNECTION, "2025-11-03 10:00", "Anna")), DEFAULTS,
                        "2025-11-03 11:00", List.of()),
                new Case("a message dated after now is not seen yet",
                        timeline(in("e1", EMAIL, "2025-11-05 10:00", "Anna")), DEFAULTS, "2025-11-03 11:00",
                        List.of())
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void scenario(Case c) {
        List<Candidate> candidates = new AnswerInboundRule().candidates(context(
                facts(RelationshipType.CLIENT).build(), c.timeline(), c.policy(), SuggestionState.EMPTY, rome(c.now())));
        assertCandidates(c.expected(), candidates);
        candidates.forEach(candidate -> assertEquals(Candidate.Kind.REPLY, candidate.kind()));
    }

    @Test
    void evidenceKeyIsTheMessageSoANewMessageIsANewSuggestion() {
        List<Candidate> candidates = new AnswerInboundRule().candidates(context(facts(RelationshipType.CLIENT).build(),
                timeline(in("e1", EMAIL, "2025-11-03 10:00", "Anna")), DEFAULTS, SuggestionState.EMPTY,
                rome("2025-11-03 11:00")));
        assertEquals("answer_inbound/message:e1", candidates.get(0).key());
    }
}
