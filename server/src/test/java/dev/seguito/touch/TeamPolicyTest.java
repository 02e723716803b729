package dev.seguito.touch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TeamPolicyTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        TeamPolicy p = TeamPolicy.defaults();
        assertEquals(ZoneId.of("Europe/Rome"), p.timeZone());
        assertEquals(30, p.rhythmDaysFor(RelationshipType.CLIENT));
        assertEquals(14, p.rhythmDaysFor(RelationshipType.PROSPECT));
        assertEquals(45, p.rhythmDaysFor(RelationshipType.PARTNER));
        assertEquals(90, p.rhythmDaysFor(RelationshipType.COLLEAGUE));
        assertEquals(60, p.rhythmDaysFor(RelationshipType.OTHER));
        assertEquals(3, p.backoffThreshold());
        assertEquals(2.0, p.backoffMultiplier());
        assertEquals(3, p.frequencyCapDays());
        assertEquals(180, p.dormantDays());
        assertEquals(1, p.answerEmailBusinessDays());
        assertEquals(2, p.answerLinkedinDays());
        assertEquals(60, p.referralIntervalDays());
        assertEquals(0.5, p.minFitScore());
        assertTrue(p.idealProfile().isEmpty());
    }

    @Test
    void emptyOrNullJsonGivesDefaults() {
        assertEquals(TeamPolicy.defaults(), TeamPolicy.fromJson(new JsonObject()));
        assertEquals(TeamPolicy.defaults(), TeamPolicy.fromJson(null));
    }

    @Test
    void roundTripsThroughJson() {
        TeamPolicy custom = TeamPolicy.fromJson(new JsonObject()
                .put("timeZone", "America/New_York")
                .put("rhythmDays", new JsonObject().put("client", 21).put("other", 120))
                .put("backoffThreshold", 4).put("backoffMultiplier", 1.5).put("frequencyCapDays", 0)
                .put("dormantDays", 365).put("answerEmailBusinessDays", 2).put("answerLinkedinDays", 3)
                .put("referralIntervalDays", 30).put("minFitScore", 0.7)
                .put("idealProfile", new JsonObject().put("industries", new JsonArray().add("Software"))
                        .put("roles", new JsonArray().add("head of sales")).put("companySizes", new JsonArray().add("51-200"))
                        .put("tags", new JsonArray().add("saas")))
                .put("daysOff", new JsonArray().add("2026-12-26").add("2026-12-25").add("2026-12-25"))
                .put("holidayCountry", " us "));
        assertEquals(custom, TeamPolicy.fromJson(custom.toJson()));
        assertEquals("US", custom.holidayCountry());
        assertTrue(custom.isDayOff(java.time.LocalDate.parse("2026-07-03")), "Independence Day observed on a Friday");
        assertEquals(null, TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "")).holidayCountry(), "empty: none");
        assertEquals(List.of(java.time.LocalDate.parse("2026-12-25"), java.time.LocalDate.parse("2026-12-26")),
                custom.daysOff(), "sorted, each once");
        assertEquals(TeamPolicy.defaults(), TeamPolicy.fromJson(TeamPolicy.defaults().toJson()));
        assertEquals(21, custom.rhythmDaysFor(RelationshipType.CLIENT));
        assertEquals(14, custom.rhythmDaysFor(RelationshipType.PROSPECT), "missing types keep their default");
        assertEquals(List.of("head of sales"), custom.idealProfile().roles());
    }

    @Test
    void toJsonUsesPlainJsonValues() {
        JsonObject json = TeamPolicy.defaults().toJson();
        assertEquals("Europe/Rome", json.getString("timeZone"));
        assertEquals(30, json.getJsonObject("rhythmDays").getInteger("client"));
        assertEquals(new JsonArray(), json.getJsonObject("idealProfile").getJsonArray("roles"));
        assertEquals(new JsonArray(), json.getJsonArray("daysOff"), "no days off unless the team lists them");
        assertEquals(null, json.getString("holidayCountry"), "no public holidays unless the team names its country");
        // survives a text round trip, as it will in the database and the admin API
        assertEquals(TeamPolicy.defaults(), TeamPolicy.fromJson(new JsonObject(json.encode())));
    }

    record Invalid(String json, String field) {
        @Override
        public String toString() {
            return field + " in " + json;
        }
    }

    static Stream<Invalid> invalid() {
        return Stream.of(
                new Invalid("{\"timeZone\": \"Mars/Olympus\"}", "timeZone"),
                new Invalid("{\"timeZone\": 3}", "timeZone"),
                new Invalid("{\"rhythmDays\": {\"client\": 0}}", "rhythmDays.client"),
                new Invalid("{\"rhythmDays\": {\"client\": 7.5}}", "rhythmDays.client"),
                new Invalid("{\"rhythmDays\": {\"vip\": 7}}", "rhythmDays.vip"),
                new Invalid("{\"rhythmDays\": 7}", "rhythmDays"),
                new Invalid("{\"backoffThreshold\": 0}", "backoffThreshold"),
                new Invalid("{\"backoffThreshold\": \"3\"}", "backoffThreshold"),
                new Invalid("{\"backoffMultiplier\": 0.5}", "backoffMultiplier"),
                new Invalid("{\"frequencyCapDays\": -1}", "frequencyCapDays"),
                new Invalid("{\"dormantDays\": 0}", "dormantDays"),
                new Invalid("{\"answerEmailBusinessDays\": -2}", "answerEmailBusinessDays"),
                new Invalid("{\"answerLinkedinDays\": true}", "answerLinkedinDays"),
                new Invalid("{\"referralIntervalDays\": 0}", "referralIntervalDays"),
                new Invalid("{\"minFitScore\": 1.5}", "minFitScore"),
                new Invalid("{\"minFitScore\": \"high\"}", "minFitScore"),
                new Invalid("{\"idealProfile\": {\"roles\": \"sales\"}}", "idealProfile.roles"),
                new Invalid("{\"idealProfile\": {\"tags\": [1, 2]}}", "idealProfile.tags"),
                new Invalid("{\"idealProfile\": []}", "idealProfile"),
                new Invalid("{\"daysOff\": \"2026-12-25\"}", "daysOff"),
                new Invalid("{\"daysOff\": [\"25/12/2026\"]}", "daysOff"),
                new Invalid("{\"daysOff\": [\"2026-02-30\"]}", "daysOff"),
                new Invalid("{\"daysOff\": [20261225]}", "daysOff"),
                new Invalid("{\"holidayCountry\": \"XX\"}", "holidayCountry"),
                new Invalid("{\"holidayCountry\": \"Italy\"}", "holidayCountry"),
                new Invalid("{\"holidayCountry\": 39}", "holidayCountry")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidValuesNamingTheField(Invalid c) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TeamPolicy.fromJson(new JsonObject(c.json())));
        assertTrue(e.getMessage().startsWith("Invalid team policy: " + c.field() + " "), e.getMessage());
    }
}
