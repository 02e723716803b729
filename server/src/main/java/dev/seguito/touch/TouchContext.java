package dev.seguito.touch;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything one evaluation sees, plus the date arithmetic and wording every rule must do the same way
 * (team time zone, calendar days, "3 Nov" dates).
 */
public record TouchContext(ContactFacts facts, Timeline timeline, TeamPolicy policy, SuggestionState state,
                           Instant now) {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** "3 Nov" in the team's zone; the year is added when it differs from now's, so old evidence is not misread. */
    public String date(Instant instant) {
        ZonedDateTime at = instant.atZone(policy.timeZone());
        return at.getYear() == now.atZone(policy.timeZone()).getYear() ? DAY_MONTH.format(at) : DAY_MONTH_YEAR.format(at);
    }

    /** Calendar days in the team's zone: "day 7" keeps the wall-clock time across a DST change. */
    public Instant plusDays(Instant instant, long days) {
        return instant.atZone(policy.timeZone()).plusDays(days).toInstant();
    }

    /**
     * Same wall-clock time {@code days} business days later; a start on a weekend or a day off rolls to the next
     * working day. Days off are the team's own list ({@link TeamPolicy#daysOff}) and its country's public holidays.
     */
    public Instant plusBusinessDays(Instant instant, int days) {
        ZonedDateTime t = instant.atZone(policy.timeZone());
        for (int i = 0; i < days; i++) {
            t = t.plusDays(1);
            t = skipDaysOff(t);
        }
        return skipDaysOff(t).toInstant();
    }

    private ZonedDateTime skipDaysOff(ZonedDateTime t) {
        while (t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY
                || policy.isDayOff(t.toLocalDate())) {
            t = t.plusDays(1);
        }
        return t;
    }

    public int rhythmDays() {
        return policy.rhythmDaysFor(facts.relationshipType());
    }

    /** Latest moment the contact took part: a two-way interaction, or the first meeting recorded on the contact. */
    public Optional<Instant> lastTwoWayAt() {
        Instant fromTimeline = timeline.last(Interaction::isTwoWay).map(Interaction::occurredAt).orElse(null);
        return Optional.ofNullable(latest(fromTimeline, firstMetAt()));
    }

    /** Latest one-way touch by the team: an outreach interaction or a suggestion marked done by hand. */
    public Optional<Instant> lastTeamOutreachAt() {
        Instant fromTimeline = timeline.last(Interaction::isOutreach).map(Interaction::occurredAt).orElse(null);
        Instant fromMarks = state.done().stream()
                .map(DoneMark::doneAt)
                .filter(t -> !t.isAfter(now))
                .max(Instant::compareTo)
                .orElse(null);
        return Optional.ofNullable(latest(fromTimeline, fromMarks));
    }

    /** firstMetAt when known and not in the future. */
    public Instant firstMetAt() {
        Instant met = facts.firstMetAt();
        return met != null && !met.isAfter(now) ? met : null;
    }

    /** Latest done mark whose key starts with the given rule id, if any. */
    public Optional<Instant> lastDoneAt(String ruleId) {
        return state.done().stream()
                .filter(d -> d.key().startsWith(ruleId + "/") && !d.doneAt().isAfter(now))
                .map(DoneMark::doneAt)
                .max(Instant::compareTo);
    }

    /** A client nobody has really talked with for the dormant period; rhythm gives way to "reconnect". */
    public boolean isDormantClient() {
        if (facts.relationshipType() != RelationshipType.CLIENT) {
            return false;
        }
        return lastTwoWayAt().map(t -> !plusDays(t, policy.dormantDays()).isAfter(now)).orElse(false);
    }

    public static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isAfter(b) ? a : b;
    }
}
