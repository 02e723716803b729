package dev.seguito.touch;

import java.util.List;

/**
 * A rule that holds candidates back (frequency cap, back-off, fit first, user marks). Kept separate from
 * {@link TouchRule} so that every withheld suggestion is reported with a reason rather than silently missing.
 */
public interface SuppressionRule {

    String id();

    List<Suppression> suppress(TouchContext context, List<Candidate> candidates);
}
