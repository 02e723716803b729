package dev.seguito.sync.ofbiz;

/**
 * A failed OFBiz call, already classified: {@code retryable} for outages, timeouts, 5xx and authentication trouble,
 * not retryable for OFBiz refusing the request (4xx: validation, business rule, unknown service).
 */
public final class OfbizException extends RuntimeException {

    private final boolean retryable;
    private final int httpStatus;

    public OfbizException(String message, boolean retryable, int httpStatus, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.httpStatus = httpStatus;
    }

    public boolean retryable() {
        return retryable;
    }

    /** HTTP status OFBiz answered, or 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }
}
