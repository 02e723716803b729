package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.DoneMark;
import dev.seguito.touch.Suppression;
import dev.seguito.touch.SuppressionRule;
import dev.seguito.touch.TouchContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The team's own marks win over every rule: a dismissed or done suggestion (same rule, same evidence) is not
 * suggested again. New evidence produces a new key, so dismissing never silences a contact for good.
 */
public final class UserMarksRule implements SuppressionRule {

    public static final String DISMISSED = "dismissed";
    public static final String DONE = "done";

    @Override
    public String id() {
        return "user_marks";
    }

    @Override
    public List<Suppression> suppress(TouchContext ctx, List<Candidate> candidates) {
        List<Suppression> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (ctx.state().isDismissed(c.key())) {
                out.add(new Suppression(c.key(), DISMISSED, Suppression.Effect.DROPPED, "Dismissed by the team.", null));
            }
            ctx.state().done().stream()
                    .filter(d -> d.key().equals(c.key()))
                    .map(DoneMark::doneAt)
                    .max(java.time.Instant::compareTo)
                    .ifPresent(at -> out.add(new Suppression(c.key(), DONE, Suppression.Effect.DROPPED,
                            "Marked done on " + ctx.date(at) + ".", null)));
        }
        return out;
    }
}
