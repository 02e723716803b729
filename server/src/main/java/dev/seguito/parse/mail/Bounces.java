package dev.seguito.parse.mail;

import dev.seguito.parse.EmailAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises delivery-failure notifications and the addresses that failed, so the server can mark them invalid. */
final class Bounces {
    private static final Pattern SUBJECT = Pattern.compile(
            "(?i)(undeliver(ed|able)|returned mail|delivery status notification|delivery (has )?failed|"
                    + "failure notice|mail delivery (failed|failure|subsystem)|could not be delivered|"
                    + "non[- ]?delivery|message not delivered|returned to sender|delivery failure|"
                    + "address not found|unzustellbar|non remis|non recapitabile)");
    private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|mdaemon)$");
    private static final Pattern FINAL_RECIPIENT = Pattern.compile(
            "(?im)^\\s*(?:final|original)-recipient\\s*:\\s*(?:rfc822\\s*;)?\\s*<?([^\\s<>;]+@[^\\s<>;]+)>?");
    private static final Pattern ACTION_FAILED = Pattern.compile("(?im)^\\s*action\\s*:\\s*failed");

    private Bounces() {
    }

    static boolean looksLikeBounce(EmailAddress from, String subject, String contentType) {
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("report-type=delivery-status")) return true;
        boolean daemon = from != null && (DAEMON.matcher(from.localPart()).matches()
                || from.name() != null && from.name().toLowerCase(Locale.ROOT).contains("mail delivery"));
        boolean subj = subject != null && SUBJECT.matcher(subject).find();
        return daemon && (subj || subject == null) || subj && from != null && from.localPart().contains("daemon");
    }

    /** Failed recipients from a machine-readable delivery-status part. */
    static List<String> fromDeliveryStatus(String status) {
        Set<String> out = new LinkedHashSet<>();
        if (status == null) return List.of();
        // per-recipient blocks are separated by blank lines; keep those whose action failed
        for (String block : status.replace("\r\n", "\n").split("\n\\s*\n")) {
            Matcher m = FINAL_RECIPIENT.matcher(block);
            if (m.find() && (ACTION_FAILED.matcher(block).find() || !block.toLowerCase(Locale.ROOT).contains("action:"))) {
                out.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Failed recipients guessed from a human-readable bounce: the addresses mentioned before the returned original,
     * minus the daemon and the people the bounce was sent to.
     */
    static List<String> fromText(String text, Collection<EmailAddress> exclude) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) return List.of();
        Set<String> skip = new LinkedHashSet<>();
        for (EmailAddress a : exclude) if (a != null) skip.add(a.address());
        String head = text;
        int cut = indexOfOriginal(head);
        if (cut > 0) head = head.substring(0, cut);
        Matcher m = Addresses.EMAIL.matcher(head);
        while (m.find()) {
            String a = m.group().toLowerCase(Locale.ROOT);
            if (skip.contains(a) || DAEMON.matcher(a.substring(0, a.indexOf('@'))).matches()) continue;
            out.add(a);
            if (out.size() >= 20) break;
        }
        return new ArrayList<>(out);
    }

    private static int indexOfOriginal(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int best = -1;
        for (String marker : new String[] {"----- original message", "original message follows", "------ this is a copy",
                "--- below this line is a copy", "original message headers", "received: from", "\nreturn-path:"}) {
            int i = lower.indexOf(marker);
            if (i > 0 && (best < 0 || i < best)) best = i;
        }
        return best;
    }
}
