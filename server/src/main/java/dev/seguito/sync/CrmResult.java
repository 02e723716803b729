package dev.seguito.sync;

import java.util.Objects;

/**
 * Outcome of delivering one {@link SyncRecord}: the outbox marks it done, retries it with back-off, or dead-letters it
 * with the reason shown to the admin.
 */
public record CrmResult(Status status, String reason) {

    /** What the outbox should do with the record. */
    public enum Status { DELIVERED, RETRYABLE_FAILURE, PERMANENT_FAILURE }

    public CrmResult {
        Objects.requireNonNull(status, "status");
        if (status != Status.DELIVERED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a failure needs a reason");
        }
    }

    public static CrmResult delivered() {
        return new CrmResult(Status.DELIVERED, null);
    }

    /** The CRM is down, slow, overloaded or the change depends on another not yet delivered: try again later. */
    public static CrmResult retryable(String reason) {
        return new CrmResult(Status.RETRYABLE_FAILURE, reason);
    }

    /** The CRM refused the change for a reason a retry cannot fix: dead-letter it with this reason. */
    public static CrmResult permanent(String reason) {
        return new CrmResult(Status.PERMANENT_FAILURE, reason);
    }

    public boolean isDelivered() {
        return status == Status.DELIVERED;
    }

    public boolean isRetryable() {
        return status == Status.RETRYABLE_FAILURE;
    }

    public boolean isPermanent() {
        return status == Status.PERMANENT_FAILURE;
    }
}
