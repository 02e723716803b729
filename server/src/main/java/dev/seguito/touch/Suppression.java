package dev.seguito.touch;

/**
 * Why a candidate was held back (or deferred), so the admin page and the sidebar can say so instead of
 * staying silent, e.g. "Marco touched them on 20 Nov."
 *
 * @param candidateKey        {@link Suggestion#key()} of the affected candidate
 * @param by                  id of the rule or mark that acted: frequency_cap, dont_smother, fit_first,
 *                            dismissed, done, snooze
 * @param touchedByMemberName for the frequency cap: who touched the person; otherwise null
 */
public record Suppression(String candidateKey, String by, Effect effect, String reason, String touchedByMemberName) {

    /** DROPPED: the candidate cannot be chosen; DEFERRED: it can, with a later due date (snooze). */
    public enum Effect { DROPPED, DEFERRED }
}
