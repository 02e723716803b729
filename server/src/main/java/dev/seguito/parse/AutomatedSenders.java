package dev.seguito.parse;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises mail sent by machines (no-reply robots, notification systems, mailing lists, bounce daemons). They are
 * kept in the capture for completeness but flagged, because nobody follows up with a robot.
 */
public final class AutomatedSenders {
    private static final Pattern LOCAL = Pattern.compile(
            "^(?:.*[._+-])?(?:no-?_?reply|do-?_?not-?_?reply|donotreply|noreply\\d*|notifications?|notify|notifier|"
                    + "mailer-?daemon|postmaster|bounces?|bounce-.*|alerts?|newsletters?|news|digest|automated|"
                    + "auto-?confirm|autoreply|auto-?responder|mailer|daemon|updates?|no\\.reply|unsubscribe|"
                    + "listserv|majordomo|reply\\+.*|msprvs1=.*|prvs=.*)(?:[._+-].*)?$");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?:^|\\.)(?:bounces?\\.|.*\\.?mcsv\\.net$|.*\\.mcdlv\\.net$|.*\\.rsgsv\\.net$|sendgrid\\.net$|"
                    + "amazonses\\.com$|bnc\\d*\\.|em\\d*\\.|notifications?\\.|noreply\\.)");
    private static final Pattern NAME = Pattern.compile(
            "(?i)\\b(no[- ]?reply|do not reply|mail delivery (sub)?system|mailer[- ]daemon|notifications?|"
                    + "postmaster|auto[- ]?reply)\\b");

    private AutomatedSenders() {
    }

    public static boolean isAutomatedAddress(EmailAddress a) {
        if (a == null || a.address() == null) return false;
        String local = a.localPart().toLowerCase(Locale.ROOT);
        return LOCAL.matcher(local).matches() || DOMAIN.matcher(a.domain()).find()
                || (a.name() != null && NAME.matcher(a.name()).find());
    }

    /**
     * True when the headers of a message say a machine or a list sent it. {@code headers} keys are lowercase header
     * names, values the raw header value.
     */
    public static boolean isBulkMessage(Map<String, String> headers) {
        if (headers == null) return false;
        if (headers.containsKey("list-unsubscribe") || headers.containsKey("list-id")
                || headers.containsKey("list-post") || headers.containsKey("x-autoreply")
                || headers.containsKey("x-autorespond")) {
            return true;
        }
        String precedence = headers.getOrDefault("precedence", "").trim().toLowerCase(Locale.ROOT);
        if (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) return true;
        String auto = headers.getOrDefault("auto-submitted", "").trim().toLowerCase(Locale.ROOT);
        return !auto.isEmpty() && !auto.startsWith("no");
    }
}
