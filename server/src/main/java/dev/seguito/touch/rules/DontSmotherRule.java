package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.Suppression;
import dev.seguito.touch.SuppressionRule;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Don't smother: once the team has sent {@code backoffThreshold} messages in a row without any response, more
 * of the same (rhythm, dormant reconnect, referral) is withheld; instead a single low-pressure, value-giving
 * touch is offered after a lengthened interval, {@code rhythm * multiplier^(n - threshold + 1)} days after
 * the last message, and the reason tells the user why the engine is holding back.
 */
public final class DontSmotherRule implements TouchRule, SuppressionRule {

    public static final String ID = "dont_smother";

    private static final Set<String> MORE_OF_THE_SAME = Set.of(RhythmRule.ID, DormantRule.ID, GiveReferralRule.ID);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        return backOff(ctx).map(b -> List.of(new Candidate(new Suggestion(ID, "Share something useful, with no ask",
                        Channel.ANY, b.due(), 5, b.reason(), "after:" + b.lastMessage().id(), null),
                        Candidate.Kind.PROACTIVE)))
                .orElse(List.of());
    }

    @Override
    public List<Suppression> suppress(TouchContext ctx, List<Candidate> candidates) {
        return backOff(ctx).map(b -> candidates.stream()
                        .filter(c -> MORE_OF_THE_SAME.contains(c.suggestion().ruleId()))
                        .map(c -> new Suppression(c.key(), ID, Suppression.Effect.DROPPED, b.reason(), null))
                        .toList())
                .orElse(List.of());
    }

    private static Optional<BackOff> backOff(TouchContext ctx) {
        Instant lastResponse = ctx.lastTwoWayAt().orElse(null);
        List<Interaction> unanswered = ctx.timeline().after(lastResponse, Interaction::isOutreach);
        int n = unanswered.size();
        int threshold = ctx.policy().backoffThreshold();
        if (n < threshold) {
            return Optional.empty();
        }
        Interaction last = unanswered.get(n - 1);
        long days = (long) Math.ceil(ctx.rhythmDays() * Math.pow(ctx.policy().backoffMultiplier(), n - threshold + 1));
        return Optional.of(new BackOff(last, ctx.plusDays(last.occurredAt(), days), reason(ctx, n, lastResponse)));
    }

    private static String reason(TouchContext ctx, int n, Instant lastResponse) {
        if (lastResponse == null) {
            return n + " messages and no reply yet — giving them room.";
        }
        boolean replied = ctx.timeline().last(Interaction::isTwoWay)
                .filter(i -> i.occurredAt().equals(lastResponse) && i.isFromThem())
                .isPresent();
        return n + " messages since " + (replied ? "their last reply on " : "you last spoke on ")
                + ctx.date(lastResponse) + " — giving them room.";
    }

    private record BackOff(Interaction lastMessage, Instant due, String reason) {
    }
}
