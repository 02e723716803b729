package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Rhythm: "stop and go" kills relationships, so each relationship type has a steady interval. The clock runs
 * from the last touch of either kind — two-way, or the team's own outreach — so one unanswered message does
 * not make the next one due the day after (the design measures from the last two-way touch only; see
 * docs/policies.md). Priority grows with how overdue the touch is. A dormant client is left to
 * {@link DormantRule}.
 */
public final class RhythmRule implements TouchRule {

    public static final String ID = "rhythm";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        if (ctx.isDormantClient()) {
            return List.of();
        }
        Instant twoWay = ctx.lastTwoWayAt().orElse(null);
        Instant ours = ctx.lastTeamOutreachAt().orElse(null);
        Instant anchor = TouchContext.latest(twoWay, ours);
        int interval = ctx.rhythmDays();
        Instant due = anchor == null ? ctx.now() : ctx.plusDays(anchor, interval);
        int priority = anchor == null ? 4 : priority(due, ctx.now(), interval);
        String rhythm = "the rhythm for " + ctx.facts().relationshipType().plural() + " is every " + interval + " days.";
        String reason;
        if (anchor == null) {
            reason = "No touch recorded yet; " + rhythm;
        } else if (twoWay == null) {
            reason = "No two-way touch yet, last touch from the team on " + ctx.date(ours) + "; " + rhythm;
        } else if (ours != null && ours.isAfter(twoWay)) {
            reason = "Last two-way touch on " + ctx.date(twoWay) + ", last touch from the team on " + ctx.date(ours)
                    + "; " + rhythm;
        } else {
            reason = "Last two-way touch on " + ctx.date(twoWay) + "; " + rhythm;
        }
        return List.of(new Candidate(new Suggestion(ID, "Reach out with something relevant to them", Channel.ANY,
                due, priority, reason, anchor == null ? "none" : "after:" + anchor, null), Candidate.Kind.PROACTIVE));
    }

    /** 5 not yet due; 4 overdue by under half an interval; 3 under a whole interval; 2 beyond. */
    static int priority(Instant due, Instant now, int intervalDays) {
        if (now.isBefore(due)) {
            return 5;
        }
        double overdue = Duration.between(due, now).toMinutes() / (intervalDays * 24.0 * 60);
        if (overdue < 0.5) {
            return 4;
        }
        return overdue < 1 ? 3 : 2;
    }
}
