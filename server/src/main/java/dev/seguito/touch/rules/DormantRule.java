package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.time.Instant;
import java.util.List;

/**
 * Dormant clients: after the dormant period without a two-way touch, the way back is to give first (an
 * opportunity, a referral), never a "just checking in" that asks for their time. Replaces the rhythm
 * suggestion for such clients; after a team touch the next reconnect waits one rhythm interval.
 */
public final class DormantRule implements TouchRule {

    public static final String ID = "dormant";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        if (!ctx.isDormantClient()) {
            return List.of();
        }
        Instant twoWay = ctx.lastTwoWayAt().orElseThrow();
        Instant ours = ctx.lastTeamOutreachAt().filter(t -> t.isAfter(twoWay)).orElse(null);
        Instant due = ctx.plusDays(twoWay, ctx.policy().dormantDays());
        String key = "since:" + twoWay;
        if (ours != null) {
            due = TouchContext.latest(due, ctx.plusDays(ours, ctx.rhythmDays()));
            key += ",after:" + ours;
        }
        String reason = "Last two-way touch on " + ctx.date(twoWay) + ", more than "
                + ctx.policy().dormantDays() + " days ago.";
        return List.of(new Candidate(new Suggestion(ID,
                "Reconnect by giving first: share an opportunity or a referral", Channel.ANY,
                due, 3, reason, key, null), Candidate.Kind.PROACTIVE));
    }
}
