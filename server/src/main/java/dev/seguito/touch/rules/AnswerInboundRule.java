package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.Channel;
import dev.seguito.touch.Interaction;
import dev.seguito.touch.InteractionType;
import dev.seguito.touch.Suggestion;
import dev.seguito.touch.TouchContext;
import dev.seguito.touch.TouchRule;

import java.time.Instant;
import java.util.List;

/**
 * Answer first: the contact wrote and nobody on the team has touched them since. Email is due within the
 * policy's business days (weekends skipped in the team's zone), LinkedIn within calendar days. Highest
 * priority, and exempt from the cap, back-off and fit first: replying is never smothering.
 *
 * <p>A message left unanswered for a whole rhythm interval is no longer offered as "reply": by then (or when an
 * old thread is imported whose answer happened elsewhere) a late reply is just the next rhythm or dormant touch,
 * and a stale top-priority "reply" would crowd out everything else.
 */
public final class AnswerInboundRule implements TouchRule {

    public static final String ID = "answer_inbound";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Candidate> candidates(TouchContext ctx) {
        return ctx.timeline().last(i -> i.isFromThem() && i.isMessage())
                .filter(msg -> ctx.timeline().after(msg.occurredAt(), Interaction::isTeamTouch).isEmpty())
                .filter(msg -> ctx.now().isBefore(ctx.plusDays(msg.occurredAt(), ctx.rhythmDays())))
                .map(msg -> List.of(candidate(ctx, msg)))
                .orElse(List.of());
    }

    private static Candidate candidate(TouchContext ctx, Interaction msg) {
        boolean email = msg.type() == InteractionType.EMAIL;
        Instant due = email
                ? ctx.plusBusinessDays(msg.occurredAt(), ctx.policy().answerEmailBusinessDays())
                : ctx.plusDays(msg.occurredAt(), ctx.policy().answerLinkedinDays());
        String what = email ? "They emailed on " : "They wrote on LinkedIn on ";
        return new Candidate(new Suggestion(ID,
                email ? "Reply to their email" : "Reply to their LinkedIn message",
                email ? Channel.EMAIL : Channel.LINKEDIN,
                due, 1,
                what + ctx.date(msg.occurredAt()) + " and no one on the team has replied yet.",
                "message:" + msg.id(), null), Candidate.Kind.REPLY);
    }
}
