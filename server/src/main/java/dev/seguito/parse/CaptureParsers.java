package dev.seguito.parse;

import dev.seguito.parse.linkedin.LinkedInCompanyParser;
import dev.seguito.parse.linkedin.LinkedInProfileParser;
import dev.seguito.parse.mail.EmlParser;
import dev.seguito.parse.mail.GmailThreadParser;
import dev.seguito.parse.mail.OutlookThreadParser;

/**
 * The single entry point the server calls. Pure: no I/O, no clock, no shared mutable state, so a capture can be
 * re-parsed later with a newer parser and give the same answer for the same input.
 */
public final class CaptureParsers {
    private CaptureParsers() {
    }

    /**
     * Parses one capture.
     *
     * @param content the page HTML (LinkedIn, Gmail, Outlook) or the raw RFC 822 text (EML)
     * @param pageUrl the URL the page was captured from; may be null
     * @throws CaptureRejectedException "not_a_profile" for login walls and missing profiles, "unparseable" when
     *                                  nothing readable is found
     */
    public static ParsedCapture parse(CaptureSource source, String content, String pageUrl) throws CaptureRejectedException {
        if (source == null) throw new IllegalArgumentException("source is required");
        try {
            return switch (source) {
                case LINKEDIN_PROFILE -> LinkedInProfileParser.parse(content, pageUrl);
                case LINKEDIN_COMPANY -> LinkedInCompanyParser.parse(content, pageUrl);
                case GMAIL_THREAD -> GmailThreadParser.parse(content);
                case OUTLOOK_THREAD -> OutlookThreadParser.parse(content);
                case EML -> EmlParser.parse(content);
            };
        } catch (StackOverflowError | RuntimeException e) {
            // a parser bug or pathological input must reach the client as a 422, never as a 500
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE,
                    "The capture could not be parsed (" + e.getClass().getSimpleName() + ").", e);
        }
    }
}
