package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.InteractionType;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.time.Instant;
import java.util.List;

/**
 * Give without keeping score: partners periodically get "share an opportunity or a referral", timed only
 * from what the team last gave. What the partner gave back is deliberately not read here, and no count or
 * balance of either ever appears in a reason.
 */
public final class GiveReferralRule implements TouchRule {

    public static final String ID = "give_referral";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        if (ctx.facts().relationshipType() != RelationshipType.PARTNER) {
            return List.of();
        }
        Instant lastGiven = TouchContext.latest(
                ctx.timeline().last(GiveReferralRule::isGiving).map(Interaction::occurredAt).orElse(null),
                ctx.lastDoneAt(ID).orElse(null));
        Instant due = lastGiven == null ? ctx.now() : ctx.plusDays(lastGiven, ctx.policy().referralIntervalDays());
        String reason = lastGiven == null
                ? "The team has not shared an opportunity or a referral with them yet."
                : "The team last shared an opportunity or a referral with them on " + ctx.date(lastGiven) + ".";
        return List.of(new Candidate(new Suggestion(ID, "Share an opportunity or a referral", Channel.ANY,
                due, 4, reason, lastGiven == null ? "none" : "after:" + lastGiven, null), Candidate.Kind.PROACTIVE));
    }

    /** Only what the team gave; referrals received are ignored on purpose. */
    static boolean isGiving(Interaction i) {
        return i.type() == InteractionType.REFERRAL_GIVEN || i.type() == InteractionType.OPPORTUNITY_SHARED;
    }
}
