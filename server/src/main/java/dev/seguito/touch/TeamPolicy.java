package dev.seguito.touch;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every knob of the next-touch engine, set per team and visible on the admin page. Nothing is learned behind
 * the team's back: change the policy, and suggestions change accordingly.
 *
 * @param timeZone                dates in reasons and business days are computed here
 * @param rhythmDays              touch interval per relationship type (all types present)
 * @param backoffThreshold        unanswered outreach messages in a row after which the engine backs off
 * @param backoffMultiplier       interval multiplier per message at or above the threshold
 * @param frequencyCapDays        no proactive suggestion if anyone on the team touched the person this recently
 * @param dormantDays             a client with no two-way touch for this long is dormant
 * @param answerEmailBusinessDays reply to an inbound email within this many business days (Mon–Fri)
 * @param answerLinkedinDays      reply to an inbound LinkedIn message within this many days
 * @param referralIntervalDays    partners: suggest sharing an opportunity this long after the last one
 * @param minFitScore             prospects below this fit score get no proactive suggestions
 * @param daysOff                 dates the team does not work (the office's closing days, local holidays): business
 *                                days skip them as they skip weekends; sorted, at most {@value #MAX_DAYS_OFF}
 * @param holidayCountry          the country (ISO 3166-1 alpha-2), optionally with its region or city ("DE-BY",
 *                                "IT-MI"), whose public holidays business days skip too, or null for none
 *                                ({@link PublicHolidays})
 */
public record TeamPolicy(ZoneId timeZone, Map<RelationshipType, Integer> rhythmDays, int backoffThreshold,
                         double backoffMultiplier, int frequencyCapDays, int dormantDays,
                         int answerEmailBusinessDays, int answerLinkedinDays, int referralIntervalDays,
                         double minFitScore, IdealProfile idealProfile, List<LocalDate> daysOff, String holidayCountry) {

    /** Enough for a few years of holidays; a list that long is a mistake, not a calendar. */
    public static final int MAX_DAYS_OFF = 400;

    public TeamPolicy {
        if (timeZone == null) {
            throw invalid("timeZone", "is required");
        }
        if (rhythmDays == null) {
            throw invalid("rhythmDays", "is required");
        }
        EnumMap<RelationshipType, Integer> rhythm = new EnumMap<>(RelationshipType.class);
        for (RelationshipType type : RelationshipType.values()) {
            Integer days = rhythmDays.get(type);
            if (days == null || days < 1) {
                throw invalid("rhythmDays." + type.key(), "must be a whole number of days >= 1");
            }
            rhythm.put(type, days);
        }
        rhythmDays = Collections.unmodifiableMap(rhythm);
        atLeast("backoffThreshold", backoffThreshold, 1);
        if (!(backoffMultiplier >= 1.0) || Double.isInfinite(backoffMultiplier)) {
            throw invalid("backoffMultiplier", "must be a number >= 1.0");
        }
        atLeast("frequencyCapDays", frequencyCapDays, 0);
        atLeast("dormantDays", dormantDays, 1);
        atLeast("answerEmailBusinessDays", answerEmailBusinessDays, 0);
        atLeast("answerLinkedinDays", answerLinkedinDays, 0);
        atLeast("referralIntervalDays", referralIntervalDays, 1);
        if (!(minFitScore >= 0.0 && minFitScore <= 1.0)) {
            throw invalid("minFitScore", "must be between 0 and 1");
        }
        idealProfile = idealProfile == null ? IdealProfile.NONE : idealProfile;
        daysOff = daysOff == null ? List.of() : daysOff.stream().distinct().sorted().toList();
        if (daysOff.size() > MAX_DAYS_OFF) {
            throw invalid("daysOff", "holds at most " + MAX_DAYS_OFF + " dates");
        }
        holidayCountry = holidayCountry == null || holidayCountry.isBlank() ? null : holidayCountry.trim().toUpperCase(Locale.ROOT);
        if (holidayCountry != null && !PublicHolidays.known(holidayCountry)) {
            List<String> regions = PublicHolidays.regionsOf(holidayCountry.split("-")[0]);
            throw invalid("holidayCountry", "must be a two-letter country code with a holiday calendar, such as IT, "
                    + "optionally with a region or city (DE-BY, IT-MI), or empty"
                    + (regions.isEmpty() ? "" : "; the regions of " + holidayCountry.split("-")[0] + " are "
                    + String.join(", ", regions)));
        }
    }

    /** Whether the team does not work on this date (in its own time zone): a day it listed, or a public holiday. */
    public boolean isDayOff(LocalDate date) {
        return Collections.binarySearch(daysOff, date) >= 0
                || holidayCountry != null && PublicHolidays.isHoliday(holidayCountry, date);
    }

    /** The documented defaults (docs/policies.md). */
    public static TeamPolicy defaults() {
        EnumMap<RelationshipType, Integer> rhythm = new EnumMap<>(RelationshipType.class);
        rhythm.put(RelationshipType.CLIENT, 30);
        rhythm.put(RelationshipType.PROSPECT, 14);
        rhythm.put(RelationshipType.PARTNER, 45);
        rhythm.put(RelationshipType.COLLEAGUE, 90);
        rhythm.put(RelationshipType.OTHER, 60);
        return new TeamPolicy(ZoneId.of("Europe/Rome"), rhythm, 3, 2.0, 3, 180, 1, 2, 60, 0.5, IdealProfile.NONE, List.of(),
                null);
    }

    public int rhythmDaysFor(RelationshipType type) {
        return rhythmDays.get(type);
    }

    public JsonObject toJson() {
        JsonObject rhythm = new JsonObject();
        rhythmDays.forEach((type, days) -> rhythm.put(type.key(), days));
        return new JsonObject()
                .put("timeZone", timeZone.getId())
                .put("rhythmDays", rhythm)
                .put("backoffThreshold", backoffThreshold)
                .put("backoffMultiplier", backoffMultiplier)
                .put("frequencyCapDays", frequencyCapDays)
                .put("dormantDays", dormantDays)
                .put("answerEmailBusinessDays", answerEmailBusinessDays)
                .put("answerLinkedinDays", answerLinkedinDays)
                .put("referralIntervalDays", referralIntervalDays)
                .put("minFitScore", minFitScore)
                .put("idealProfile", new JsonObject()
                        .put("industries", new JsonArray(idealProfile.industries()))
                        .put("roles", new JsonArray(idealProfile.roles()))
                        .put("companySizes", new JsonArray(idealProfile.companySizes()))
                        .put("tags", new JsonArray(idealProfile.tags())))
                .put("daysOff", new JsonArray(daysOff.stream().map(LocalDate::toString).toList()))
                .put("holidayCountry", holidayCountry);
    }

    /**
     * Reads a policy; missing keys (or a null object) take the defaults, so teams only store what they changed.
     *
     * @throws IllegalArgumentException naming the field, for wrong types, unknown keys or out-of-range values
     */
    public static TeamPolicy fromJson(JsonObject json) {
        TeamPolicy d = defaults();
        if (json == null) {
            return d;
        }
        ZoneId zone = d.timeZone();
        Object rawZone = json.getValue("timeZone");
        if (rawZone != null) {
            if (!(rawZone instanceof String s)) {
                throw invalid("timeZone", "must be a time-zone id such as Europe/Rome");
            }
            try {
                zone = ZoneId.of(s);
            } catch (DateTimeException e) {
                throw invalid("timeZone", "is not a known time zone: " + s);
            }
        }
        EnumMap<RelationshipType, Integer> rhythm = new EnumMap<>(d.rhythmDays());
        JsonObject rhythmJson = object(json, "rhythmDays");
        if (rhythmJson != null) {
            for (String key : rhythmJson.fieldNames()) {
                RelationshipType type = relationshipType(key);
                rhythm.put(type, wholeNumber(rhythmJson, key, "rhythmDays." + key, rhythm.get(type)));
            }
        }
        IdealProfile ideal = d.idealProfile();
        JsonObject idealJson = object(json, "idealProfile");
        if (idealJson != null) {
            ideal = new IdealProfile(strings(idealJson, "industries"), strings(idealJson, "roles"),
                    strings(idealJson, "companySizes"), strings(idealJson, "tags"));
        }
        return new TeamPolicy(zone, rhythm,
                wholeNumber(json, "backoffThreshold", "backoffThreshold", d.backoffThreshold()),
                number(json, "backoffMultiplier", d.backoffMultiplier()),
                wholeNumber(json, "frequencyCapDays", "frequencyCapDays", d.frequencyCapDays()),
                wholeNumber(json, "dormantDays", "dormantDays", d.dormantDays()),
                wholeNumber(json, "answerEmailBusinessDays", "answerEmailBusinessDays", d.answerEmailBusinessDays()),
                wholeNumber(json, "answerLinkedinDays", "answerLinkedinDays", d.answerLinkedinDays()),
                wholeNumber(json, "referralIntervalDays", "referralIntervalDays", d.referralIntervalDays()),
                number(json, "minFitScore", d.minFitScore()),
                ideal, json.getValue("daysOff") == null ? d.daysOff() : dates(json.getValue("daysOff")),
                holidayCountry(json, d.holidayCountry()));
    }

    private static String holidayCountry(JsonObject json, String fallback) {
        if (!json.containsKey("holidayCountry")) {
            return fallback;
        }
        Object raw = json.getValue("holidayCountry");
        if (raw != null && !(raw instanceof String)) {
            throw invalid("holidayCountry", "must be a two-letter country code such as IT (or DE-BY with a region), or empty");
        }
        return (String) raw;
    }

    private static List<LocalDate> dates(Object raw) {
        String expected = "must be a list of dates like 2026-12-25";
        List<?> list = raw instanceof JsonArray a ? a.getList() : raw instanceof List<?> l ? l : null;
        if (list == null) {
            throw invalid("daysOff", expected);
        }
        List<LocalDate> out = new ArrayList<>();
        for (Object item : list) {
            try {
                out.add(LocalDate.parse((String) item));
            } catch (RuntimeException e) {
                throw invalid("daysOff", expected + " (not a date: " + item + ")");
            }
        }
        return out;
    }

    private static RelationshipType relationshipType(String key) {
        for (RelationshipType type : RelationshipType.values()) {
            if (type.key().equals(key)) {
                return type;
            }
        }
        throw invalid("rhythmDays." + key, "is not a relationship type (client, prospect, partner, colleague, other)");
    }

    private static JsonObject object(JsonObject json, String field) {
        Object raw = json.getValue(field);
        if (raw == null) {
            return null;
        }
        if (raw instanceof JsonObject o) {
            return o;
        }
        if (raw instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            return new JsonObject(map);
        }
        throw invalid(field, "must be an object");
    }

    private static List<String> strings(JsonObject json, String field) {
        Object raw = json.getValue(field);
        String name = "idealProfile." + field;
        if (raw == null) {
            return List.of();
        }
        List<?> list = raw instanceof JsonArray a ? a.getList() : raw instanceof List<?> l ? l : null;
        if (list == null) {
            throw invalid(name, "must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s)) {
                throw invalid(name, "must be an array of strings");
            }
            out.add(s);
        }
        return out;
    }

    private static int wholeNumber(JsonObject json, String key, String name, int fallback) {
        Object raw = json.getValue(key);
        if (raw == null) {
            return fallback;
        }
        if (!(raw instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
            throw invalid(name, "must be a whole number");
        }
        return n.intValue();
    }

    private static double number(JsonObject json, String key, double fallback) {
        Object raw = json.getValue(key);
        if (raw == null) {
            return fallback;
        }
        if (!(raw instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw invalid(key, "must be a number");
        }
        return n.doubleValue();
    }

    private static void atLeast(String field, int value, int min) {
        if (value < min) {
            throw invalid(field, "must be >= " + min);
        }
    }

    private static IllegalArgumentException invalid(String field, String problem) {
        return new IllegalArgumentException("Invalid team policy: " + field + " " + problem);
    }
}
