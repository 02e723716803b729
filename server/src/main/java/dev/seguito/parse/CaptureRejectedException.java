package dev.seguito.parse;

/**
 * The capture cannot become a contact: a login wall, "profile not found", or nothing readable. Carries the API error
 * code so the server can answer 422 without interpreting messages.
 */
public class CaptureRejectedException extends Exception {
    public static final String NOT_A_PROFILE = "not_a_profile";
    public static final String NOT_A_COMPANY = "not_a_company";
    public static final String UNPARSEABLE = "unparseable";

    private final String code;

    public CaptureRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** With the underlying failure kept for server logs; the message stays user-facing. */
    public CaptureRejectedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
