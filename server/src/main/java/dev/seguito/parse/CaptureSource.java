package dev.seguito.parse;

import java.util.Locale;

/** Where a capture came from; decides which parser reads it. The wire names are the API's {@code source} values. */
public enum CaptureSource {
    LINKEDIN_PROFILE, LINKEDIN_COMPANY, GMAIL_THREAD, OUTLOOK_THREAD, EML;

    /** Parses an API value such as {@code "linkedin_profile"}; unknown values are a client error, not a default. */
    public static CaptureSource fromWire(String s) {
        if (s != null) {
            for (CaptureSource source : values()) {
                if (source.wire().equals(s.trim().toLowerCase(Locale.ROOT))) return source;
            }
        }
        throw new IllegalArgumentException("Unknown capture source: " + s);
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isEmail() {
        return this != LINKEDIN_PROFILE && this != LINKEDIN_COMPANY;
    }
}
