package dev.seguito.db;

/**
 * A row the transaction had chosen (a contact it matched) was changed by another transaction before it could be
 * locked: merged into another record, or erased. Nothing was written that should stay, so the whole transaction runs
 * again and decides anew; {@link PgErrors#isRetryable} treats it like a deadlock.
 */
public final class ChangedMeanwhile extends RuntimeException {

    public ChangedMeanwhile(String message) {
        super(message, null, false, false);
    }
}
