package dev.seguito.sync.ofbiz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes free text acceptable to OFBiz's service input policy. OFBiz validates every String IN parameter of a service
 * (ModelService, {@code UtilCodec.checkStringForHtmlStrictNone}, or its HTML sanitizer for {@code allow-html="safe"}):
 * once HTML entities and percent escapes are decoded, a {@code <} or {@code >} is refused unless the service declares
 * {@code allow-html="any"}, which none of the standard party services does for names, titles, attributes or notes. One
 * refused call would hold the whole contact back from the CRM, so a headline such as "Sales >> Growth" is sent as
 * "Sales ›› Growth": the single angle quotation marks read the same on a CRM screen. Seguito keeps the text as it was.
 */
final class OfbizText {

    /** A character OFBiz reads as {@code <} or {@code >}: itself, an HTML entity (with or without ';') or a %-escape. */
    private static final Pattern ANGLE = Pattern.compile(
            "(?i)(<|&lt;?|&#0*60;?|&#x0*3c;?|%3c)|(>|&gt;?|&#0*62;?|&#x0*3e;?|%3e)");

    private OfbizText() {
    }

    /** The text with every angle bracket OFBiz would refuse replaced by ‹ or ›; null stays null. */
    static String safe(String text) {
        if (text == null) {
            return null;
        }
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
     * A Message-ID as OFBiz stores it: without its angle brackets, as OFBiz's own email import
     * ({@code storeIncomingEmail}) saves and looks it up, so an email both imported there and logged here is one event.
     */
    static String messageId(String rfcMessageId) {
        return rfcMessageId.replaceAll("[<>]", "").trim();
    }
}
