package dev.seguito.parse.mail;

import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pulls mailboxes out of loosely formatted text ("Anna Rossi <anna@acme.it>; bob@x.com", aria-labels, titles). */
final class Addresses {
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'=-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
    // the display name is bounded: unbounded, the lazy scan from every start position is quadratic (seconds on 20k chars)
    private static final Pattern HEADER_LABEL = Pattern.compile("(?i)^\\s*(from|to|cc|bcc|sent by|da|de|von|an|a|para)\\s*:\\s*");
    private static final Pattern SURROUNDING_PUNCTUATION = Pattern.compile("^[\\s'\",;:]+|[\\s'\",;:]+$");
    private static final Pattern NAME_ANGLE = Pattern.compile("\\s*\"?([^\"<>;,]{0,200}?)\"?\\s*[<\\[(]\\s*(?:mailto:)?(" + EMAIL.pattern() + ")\\s*[>\\])]");

    private Addresses() {
    }

    static boolean isEmail(String s) {
        return s != null && EMAIL.matcher(s.trim()).matches();
    }

    /** Every mailbox in {@code text}, with the display name written before it when there is one. */
    static List<EmailAddress> parseList(String text) {
        Map<String, EmailAddress> out = new LinkedHashMap<>();
        if (text == null) return List.of();
        String t = Texts.cap(text, 4_000);
        Matcher m = NAME_ANGLE.matcher(t);
        int consumedUntil = 0;
        StringBuilder rest = new StringBuilder();
        while (m.find()) {
            rest.append(t, consumedUntil, m.start()).append(' ');
            consumedUntil = m.end();
            String name = cleanName(m.group(1));
            out.putIfAbsent(m.group(2).toLowerCase(Locale.ROOT), new EmailAddress(name, m.group(2)));
        }
        rest.append(t.substring(consumedUntil));
        Matcher bare = EMAIL.matcher(rest);
        while (bare.find()) {
            out.putIfAbsent(bare.group().toLowerCase(Locale.ROOT), new EmailAddress(null, bare.group()));
        }
        return new ArrayList<>(out.values());
    }

    static String cleanName(String raw) {
        if (raw == null) return null;
        String n = HEADER_LABEL.matcher(raw).replaceAll("");
        n = SURROUNDING_PUNCTUATION.matcher(n).replaceAll("").trim();
        // Gmail shows the viewer as "me"; that is a UI label, not a name
        if (n.isEmpty() || isEmail(n) || n.equalsIgnoreCase("me") || n.equalsIgnoreCase("to me")) return null;
        return n;
    }

    /** Merges a name and an address found separately (e.g. a chip's text and its title attribute). */
    static EmailAddress of(String name, String address) {
        if (address == null) return null;
        Matcher m = EMAIL.matcher(address);
        if (!m.find()) return null;
        return new EmailAddress(cleanName(name), m.group());
    }
}
