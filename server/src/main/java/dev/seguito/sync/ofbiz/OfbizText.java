package dev.seguito.sync.ofbiz;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Makes text acceptable to OFBiz's service input policy. OFBiz validates every String IN parameter of a service
 * (ModelService, {@code UtilCodec.checkStringForHtmlStrictNone}, or its HTML sanitizer for {@code allow-html="safe"}).
 * It decodes HTML entities and percent escapes strictly: a value escaped twice ({@code &amp;lt;}) or in both ways
 * ({@code R&amp;D 100%25}) is refused outright. Once decoded, a {@code <} or {@code >} is refused, and so is anything
 * that looks like a JavaScript event attribute: a {@code " on"} followed by letters and {@code =}. None of the
 * standard party services declares {@code allow-html="any"} for names, titles, attributes, notes or addresses. One
 * refused call would hold the whole contact back from the CRM, so the text is changed just enough, with characters
 * that read the same on a CRM screen: ‹ › for angle brackets, ＝ ＆ ％ for the others. Seguito keeps the text as it was.
 */
final class OfbizText {

    /** A character OFBiz reads as {@code <} or {@code >}: itself, an HTML entity (with or without ';') or a %-escape. */
    private static final Pattern ANGLE = Pattern.compile(
            "(?i)(<|&lt;?|&#0*60;?|&#x0*3c;?|%3c)|(>|&gt;?|&#0*62;?|&#x0*3e;?|%3e)");
    /** What OFBiz takes for an event handler ({@code " onclick="}); every event name is letters only. */
    private static final Pattern EVENT_LIKE = Pattern.compile("(?i)( on[a-z]*)=");
    /** The start of an HTML entity OFBiz could decode. */
    private static final Pattern ENTITY_START = Pattern.compile("&(?=[A-Za-z#])");
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%(?=[0-9A-Fa-f]{2})");
    private static final String SEEK_SEGMENT_TIME = "seekSegmentTime";

    private OfbizText() {
    }

    /** Free text as OFBiz accepts it, as close to the original as possible; null stays null. */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
        String out = replaceAngles(text);
        if (canonical(out) == null) {
            out = ENTITY_START.matcher(out).replaceAll("\uFF06");
            if (canonical(out) == null) {
                out = PERCENT_ESCAPE.matcher(out).replaceAll("\uFF05");
            }
        }
        out = out.replace(SEEK_SEGMENT_TIME, "seekSegment Time"); // OFBiz refuses this one JavaScript name anywhere
        if (looksLikeEvent(canonical(out))) {
            out = EVENT_LIKE.matcher(out).replaceAll("$1\uFF1D");
            if (looksLikeEvent(canonical(out))) {
                out = out.replace('=', '\uFF1D'); // spelled with escapes ("on&#99;lick="): no '=' is needed to read it
            }
        }
        return out;
    }

    /**
     * A URL as OFBiz accepts it: unchanged when it can be, else without its query and fragment (where escapes and
     * {@code &name=} parameters usually trip the policy), else only its scheme and host; null when not even that.
     * Changing characters inside a URL would change where it leads, so it is shortened instead.
     */
    static String url(String url) {
        if (url == null || accepted(url)) {
            return url;
        }
        int cut = indexOfAny(url, '?', '#');
        if (cut > 0 && accepted(url.substring(0, cut))) {
            return url.substring(0, cut);
        }
        try {
            URI uri = URI.create(url.strip());
            String origin = uri.getScheme() + "://" + uri.getRawAuthority() + "/";
            return uri.getScheme() != null && uri.getRawAuthority() != null && accepted(origin) ? origin : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether OFBiz's {@code allow-html="none"} check lets {@code value} through, as far as Seguito models it. */
    static boolean accepted(String value) {
        String decoded = canonical(value);
        return decoded != null && decoded.indexOf('<') < 0 && decoded.indexOf('>') < 0 && !looksLikeEvent(decoded)
                && !decoded.contains(SEEK_SEGMENT_TIME);
    }

    /**
     * A Message-ID as OFBiz stores it: without its angle brackets, as OFBiz's own email import
     * ({@code storeIncomingEmail}) saves and looks it up, so an email both imported there and logged here is one event.
     */
    static String messageId(String rfcMessageId) {
        return rfcMessageId.replaceAll("[<>]", "").trim();
    }

    private static String replaceAngles(String text) {
        Matcher m = ANGLE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, m.group(1) != null ? "\u2039" : "\u203A");
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The value decoded as OFBiz's strict canonicalisation (after ESAPI) does, HTML entities then %-escapes, pass after
     * pass until nothing changes; null when it refuses the value: decoded in two passes, or by both codecs.
     */
    private static String canonical(String value) {
        String working = value;
        int passesDecoding = 0;
        int codecsSeen = 0; // bit 1: entities, bit 2: percent
        boolean changed = true;
        while (changed) {
            changed = false;
            String entities = entitiesDecoded(working);
            if (!entities.equals(working)) {
                codecsSeen |= 1;
                changed = true;
            }
            String percent = percentDecoded(entities);
            if (!percent.equals(entities)) {
                codecsSeen |= 2;
                changed = true;
            }
            if (changed) {
                passesDecoding++;
                working = percent;
            }
        }
        return passesDecoding >= 2 || codecsSeen == 3 ? null : working;
    }

    /**
     * HTML entities decoded as ESAPI's HTMLEntityCodec does: numeric ones with or without ';', and a named one as the
     * longest entity name that starts the letters after '&' ({@code &region} reads as ®ion), letter case ignored.
     */
    private static String entitiesDecoded(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = s.charAt(i) == '&' ? entityEnd(s, i + 1, out) : -1;
            if (end > 0) {
                i = end;
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Appends the entity starting at {@code from} (after '&') and answers where it ends, or -1 when there is none. */
    private static int entityEnd(String s, int from, StringBuilder out) {
        if (from < s.length() && s.charAt(from) == '#') {
            boolean hex = from + 1 < s.length() && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X');
            int digits = from + (hex ? 2 : 1);
            int end = digits;
            while (end < s.length() && end - digits < 8 && Character.digit(s.charAt(end), hex ? 16 : 10) >= 0) {
                end++;
            }
            if (end == digits) {
                return -1;
            }
            int codePoint = Integer.parseInt(s, digits, end, hex ? 16 : 10);
            if (!Character.isValidCodePoint(codePoint)) {
                return -1;
            }
            out.appendCodePoint(codePoint);
            return end < s.length() && s.charAt(end) == ';' ? end + 1 : end;
        }
        int run = from;
        while (run < s.length() && run - from < 32 && Character.isLetterOrDigit(s.charAt(run))) {
            run++;
        }
        for (int end = run; end > from; end--) {
            String name = s.substring(from, end);
            String known = Entities.isNamedEntity(name) ? name
                    : Entities.isNamedEntity(name.toLowerCase(java.util.Locale.ROOT)) ? name.toLowerCase(java.util.Locale.ROOT) : null;
            if (known != null) {
                out.append(Entities.getByName(known));
                return end < s.length() && s.charAt(end) == ';' ? end + 1 : end;
            }
        }
        return -1;
    }

    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.append((char) Integer.parseInt(s, i + 1, i + 3, 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean looksLikeEvent(String decoded) {
        return decoded != null && EVENT_LIKE.matcher(decoded).find();
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
