package dev.seguito.touch.rules;

import dev.seguito.touch.Candidate;
import dev.seguito.touch.RelationshipType;
import dev.seguito.touch.Suppression;
import dev.seguito.touch.SuppressionRule;
import dev.seguito.touch.TouchContext;

import java.util.List;
import java.util.Locale;

/**
 * Fit first: prospects below the team's minimum fit score are kept but get no proactive suggestions, so
 * effort goes to the few good ones. Answering them is still suggested (ignoring a message is rude, whatever
 * the fit). An unknown score counts as a fit: absence of data is not evidence of a poor match.
 */
public final class FitFirstRule implements SuppressionRule {

    public static final String ID = "fit_first";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Suppression> suppress(TouchContext ctx, List<Candidate> candidates) {
        Double fit = ctx.facts().fitScore();
        double min = ctx.policy().minFitScore();
        if (ctx.facts().relationshipType() != RelationshipType.PROSPECT || fit == null || fit >= min) {
            return List.of();
        }
        String reason = String.format(Locale.ROOT,
                "Fit score %.2f is below the team minimum of %.2f — no proactive touches.", fit, min);
        return candidates.stream()
                .filter(c -> c.kind() != Candidate.Kind.REPLY)
                .map(c -> new Suppression(c.key(), ID, Suppression.Effect.DROPPED, reason, null))
                .toList();
    }
}
