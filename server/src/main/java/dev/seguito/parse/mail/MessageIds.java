package dev.seguito.parse.mail;

import dev.seguito.parse.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A stable identity for a message so that capturing the same thread twice does not duplicate the timeline. Webmail
 * pages rarely expose the RFC Message-ID, so a hash of sender, date and normalised subject stands in.
 */
final class MessageIds {
    private static final int MAX_RFC_ID = 500;
    private static final Pattern REPLY_PREFIXES = Pattern.compile(
            "(?i)^\\s*((re|fw|fwd|aw|wg|tr|sv|vs|r|rif|antw)\\s*(\\[\\d+\\])?\\s*:\\s*)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern RFC_ID = Pattern.compile("<?[\\x21-\\x7E&&[^<>]]+@[\\x21-\\x7E&&[^<>]]+>?");

    private MessageIds() {
    }

    static String of(String rfcMessageId, EmailAddress from, Instant sentAt, String subject) {
        if (rfcMessageId != null) {
            String id = rfcMessageId.trim();
            // RFC 5322 ids are printable ASCII; anything else (a NUL from a broken part, control characters, a
            // runaway header) is not an identity to trust, and PostgreSQL text cannot hold a NUL
            if (id.length() <= MAX_RFC_ID && RFC_ID.matcher(id).matches()) {
                return id.startsWith("<") ? id : "<" + id + (id.endsWith(">") ? "" : ">");
            }
        }
        String key = (from == null ? "" : from.address()) + "|" + (sentAt == null ? "" : sentAt.getEpochSecond() / 60)
                + "|" + normaliseSubject(subject);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "Re: RE: Fwd: Hello" and "hello" are the same thread subject. */
    static String normaliseSubject(String subject) {
        if (subject == null) return "";
        String bare = REPLY_PREFIXES.matcher(subject).replaceAll("");
        return SPACES.matcher(bare).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }
}
