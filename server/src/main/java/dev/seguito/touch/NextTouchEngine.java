package dev.seguito.touch;

import dev.seguito.touch.rules.AnswerInboundRule;
import dev.seguito.touch.rules.DataHygieneRule;
import dev.seguito.touch.rules.DontSmotherRule;
import dev.seguito.touch.rules.DormantRule;
import dev.seguito.touch.rules.FitFirstRule;
import dev.seguito.touch.rules.FollowUp24730Rule;
import dev.seguito.touch.rules.FrequencyCapRule;
import dev.seguito.touch.rules.GiveReferralRule;
import dev.seguito.touch.rules.RhythmRule;
import dev.seguito.touch.rules.UserMarksRule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the one next touch for a contact: a pure function of the timeline, the contact's facts, the team
 * policy, the users' marks and the current instant, so it can be recomputed anywhere (any server instance,
 * tests, an admin "why?" page) with the same answer.
 *
 * <p>Every touch rule proposes candidates; suppression rules drop some (each with a reported reason); a snooze
 * defers the rest; the winner is the lowest priority number, then the earliest due date, then rule order.
 */
public final class NextTouchEngine {

    private static final DontSmotherRule DONT_SMOTHER = new DontSmotherRule();

    /** Order matters only to break ties between equal priority and due date. */
    private static final List<TouchRule> RULES = List.of(
            new AnswerInboundRule(), new FollowUp24730Rule(), new DataHygieneRule(), new DormantRule(),
            new RhythmRule(), new GiveReferralRule(), DONT_SMOTHER);

    private static final List<SuppressionRule> SUPPRESSIONS = List.of(
            new UserMarksRule(), new FitFirstRule(), DONT_SMOTHER, new FrequencyCapRule());

    public static final String SNOOZE = "snooze";

    private NextTouchEngine() {
    }

    /** The next touch for the contact, or empty when nothing should be suggested (see {@link #explainAll}). */
    public static Optional<Suggestion> suggest(ContactFacts facts, List<Interaction> interactions, TeamPolicy policy,
                                               SuggestionState state, Instant now) {
        return explainAll(facts, interactions, policy, state, now).chosen();
    }

    /** All candidates, every suppression with its reason, and the chosen suggestion. */
    public static Explanation explainAll(ContactFacts facts, List<Interaction> interactions, TeamPolicy policy,
                                         SuggestionState state, Instant now) {
        TouchContext ctx = new TouchContext(facts,
                Timeline.of(interactions == null ? List.of() : interactions, now),
                policy == null ? TeamPolicy.defaults() : policy,
                state == null ? SuggestionState.EMPTY : state,
                now);
        List<Candidate> candidates = new ArrayList<>();
        for (TouchRule rule : RULES) {
            candidates.addAll(rule.candidates(ctx));
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (SuppressionRule rule : SUPPRESSIONS) {
            suppressions.addAll(rule.suppress(ctx, candidates));
        }
        Set<String> dropped = new HashSet<>();
        suppressions.forEach(s -> dropped.add(s.candidateKey()));

        List<Suggestion> eligible = new ArrayList<>();
        Instant snoozedUntil = ctx.state().snoozedUntil();
        for (Candidate c : candidates) {
            if (dropped.contains(c.key())) {
                continue;
            }
            Suggestion s = c.suggestion();
            if (snoozedUntil != null && snoozedUntil.isAfter(now) && snoozedUntil.isAfter(s.dueAt())) {
                // a snooze moves the due date rather than hiding the contact: the agenda shows it again then
                s = s.withDueAt(snoozedUntil);
                suppressions.add(new Suppression(c.key(), SNOOZE, Suppression.Effect.DEFERRED,
                        "Snoozed until " + ctx.date(snoozedUntil) + ".", null));
            }
            eligible.add(s);
        }
        Optional<Suggestion> chosen = eligible.stream()
                .min(Comparator.comparingInt(Suggestion::priority)
                        .thenComparing(Suggestion::dueAt)
                        .thenComparingInt(s -> ruleOrder(s.ruleId()))
                        .thenComparing(Suggestion::evidenceKey))
                .map(s -> FrequencyCapRule.recentTouch(ctx)
                        .map(t -> s.withTouchedBy(t.memberName()))
                        .orElse(s));
        return new Explanation(candidates, suppressions, chosen);
    }

    private static int ruleOrder(String ruleId) {
        for (int i = 0; i < RULES.size(); i++) {
            if (RULES.get(i).id().equals(ruleId)) {
                return i;
            }
        }
        return RULES.size();
    }
}
