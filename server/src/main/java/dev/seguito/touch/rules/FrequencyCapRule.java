package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.Suppression;
import dev.seguito.touch.SuppressionRule;
import dev.seguito.touch.TouchContext;

import java.util.List;
import java.util.Optional;

/**
 * Team-wide frequency cap: if anyone on the team touched the person (outreach, call or meeting) within the
 * last {@code frequencyCapDays}, proactive candidates are withheld and the suppression names who did it, so
 * the sidebar can say "Marco touched them on 20 Nov." Replies, 24/7/30 steps and research are not capped:
 * answering is never smothering, and the 24/7/30 steps are anchored on a meeting that is itself a touch.
 */
public final class FrequencyCapRule implements SuppressionRule {

    public static final String ID = "frequency_cap";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Suppression> suppress(TouchContext ctx, List<Candidate> candidates) {
        return recentTouch(ctx).map(touch -> {
            String who = touch.memberName() == null ? "Someone on the team" : touch.memberName();
            String reason = who + " touched them on " + ctx.date(touch.occurredAt()) + ".";
            return candidates.stream()
                    .filter(c -> c.kind() == Candidate.Kind.PROACTIVE)
                    .map(c -> new Suppression(c.key(), ID, Suppression.Effect.DROPPED, reason, touch.memberName()))
                    .toList();
        }).orElse(List.of());
    }

    /** The latest team touch inside the cap window, if any. */
    public static Optional<Interaction> recentTouch(TouchContext ctx) {
        int days = ctx.policy().frequencyCapDays();
        if (days == 0) {
            return Optional.empty();
        }
        var windowStart = ctx.plusDays(ctx.now(), -days);
        return ctx.timeline().last(i -> i.isTeamTouch() && i.occurredAt().isAfter(windowStart));
    }
}
