package dev.seguito.parse;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Cuts a reply down to what its author wrote this time: everything from the first quotation marker on ("On … wrote:",
 * {@code >} lines, "-----Original Message-----", Outlook "From:/Sent:" header blocks, forwarded-message banners) is
 * dropped. Inline (interleaved) replies lose their later parts; that is the price of never showing quoted text as new.
 */
public final class QuoteStripper {
    private static final Pattern WROTE_END = Pattern.compile(
            "(?iu).*(wrote|writes|a écrit|a ecrit|schrieb|escribió|escribio|ha scritto|scrisse|skrev|schreef|napisał|"
                    + "написал|написала|написал\\(а\\)|kirjoitti|írta|yazdı|escreveu|geschreven)\\s*:?\\s*$");
    private static final Pattern ON_START = Pattern.compile(
            "(?iu)^\\s*(on|le|am|el|il|op|em|den|dne|w dniu|le|il giorno|в|el día)\\b.*");
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?iu)^\\s*[-_=*]*\\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|"
                    + "messaggio originale|forwarded message|weitergeleitete nachricht|message transféré|"
                    + "mensaje reenviado|messaggio inoltrato|begin forwarded message|reply message|"
                    + "исходное сообщение|пересылаемое сообщение)\\s*:?\\s*[-_=*]*\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile(
            "(?iu)^\\s*\\*?(from|de|von|van|da|от|od|från|fra|lähettäjä)\\s*\\*?\\s*:.*");
    private static final Pattern HEADER_OTHER = Pattern.compile(
            "(?iu)^\\s*\\*?(sent|date|to|subject|cc|envoyé|gesendet|datum|an|betreff|enviado|para|asunto|inviato|"
                    + "oggetto|a|objet|à|отправлено|кому|тема|skickat|ämne|till)\\s*\\*?\\s*:.*");
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*([-_=*]\\s?){10,}\\s*$");
    private static final Pattern FORWARD = Pattern.compile(
            "(?iu).*(forward|weitergeleitet|transféré|reenviado|inoltrato|пересылаемое|doorgestuurd|vidarebefordrat).*");
    private static final Pattern TRAILING_RULES = Pattern.compile("(\\n\\s*([-_=*]\\s?){10,}\\s*)+$");
    private static final Pattern DATE_HEADER_LINE = Pattern.compile(
            "(?iu).*(\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}:\\d{2}|\\b(19|20)\\d{2}\\b).*");

    private QuoteStripper() {
    }

    /** The new part of a plain-text reply. */
    public static String stripPlain(String text) {
        if (text == null) return null;
        String[] lines = Texts.cap(text, Texts.MAX_INPUT).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int cut = findCut(lines);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cut; i++) sb.append(lines[i]).append('\n');
        String r = sb.toString().strip();
        if (cut < lines.length && (r.isEmpty() || GREETING.matcher(r).matches()) && quotedLinesFollow(lines, cut)) {
            // nothing or only a greeting above the quote: the answer is written below or between the quoted lines
            String below = bottomPosted(lines, cut);
            if (below != null) r = r.isEmpty() ? below : r + "\n" + below;
        }
        r = TRAILING_RULES.matcher(r).replaceFirst("").strip();
        return r.isEmpty() ? null : r;
    }

    private static final Pattern GREETING = Pattern.compile(
            "(?iu)^(hi|hello|hey|dear|ciao|hallo|bonjour|hola|salve|buongiorno|good (morning|afternoon|evening))\\b.{0,30}$");

    private static boolean quotedLinesFollow(String[] lines, int cut) {
        for (int i = cut; i < lines.length && i < cut + 4; i++) if (lines[i].strip().startsWith(">")) return true;
        return false;
    }

    /** Bottom-posting: the quote comes first and the new text after it; keep the unquoted lines after the quote. */
    private static String bottomPosted(String[] lines, int cut) {
        StringBuilder sb = new StringBuilder();
        for (int i = cut; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith(">") || i == cut) continue;
            if (SEPARATOR.matcher(t).matches() || HEADER_FROM.matcher(t).matches() && headerBlockFollows(lines, i)) break;
            if (t.endsWith(":") && (WROTE_END.matcher(t).matches() || quoteFollows(lines, i + 1) && DATE_HEADER_LINE.matcher(t).matches())) {
                continue; // attribution of the next quoted block
            }
            sb.append(lines[i]).append('\n');
        }
        String r = Texts.multiline(sb.toString(), Texts.MAX_INPUT);
        return r == null ? null : stripNested(r);
    }

    private static String stripNested(String text) {
        String[] lines = text.split("\n", -1);
        int cut = findCut(lines);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cut; i++) sb.append(lines[i]).append('\n');
        return sb.toString().strip();
    }

    /** After an HTML quote container was removed, its attribution line ("On …, X wrote:") is left dangling. */
    private static String dropTrailingAttribution(String text) {
        if (text == null) return null;
        String[] lines = text.split("\n");
        int end = lines.length;
        while (end > 0 && lines[end - 1].isBlank()) end--;
        if (end > 1) {
            String last = lines[end - 1].strip();
            String two = end > 1 ? lines[end - 2].strip() + " " + last : last;
            if (last.endsWith(":") && last.length() < 300 && (last.contains("@") || DATE_HEADER_LINE.matcher(last).matches()
                    || WROTE_END.matcher(last).matches())) {
                end--;
            } else if (last.endsWith(":") && WROTE_END.matcher(two).matches() && ON_START.matcher(lines[end - 2].strip()).matches()) {
                end -= 2;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) sb.append(lines[i]).append('\n');
        String r = sb.toString().strip();
        return r.isEmpty() ? null : r;
    }

    private static int findCut(String[] lines) {
        boolean seenContent = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (t.isEmpty()) continue;
            if (seenContent) {
                if (SEPARATOR.matcher(t).matches()) return i;
                if (UNDERSCORES.matcher(t).matches() && headerBlockFollows(lines, i + 1)) return i;
                if ((HEADER_FROM.matcher(t).matches() || HEADER_OTHER.matcher(t).matches()) && headerBlockFollows(lines, i)) return i;
                int wrote = wroteLineStart(lines, i);
                if (wrote >= 0) return wrote;
                if (t.startsWith(">")) return backOverAttribution(lines, i);
            } else if (SEPARATOR.matcher(t).matches() && FORWARD.matcher(t).matches()) {
                // a pure forward: what follows is someone else's message, nothing new was written
                return i;
            }
            seenContent = true;
        }
        return lines.length;
    }

    /** An attribution line "On <date>, <name> wrote:" possibly wrapped over two or three lines. Returns its start. */
    private static int wroteLineStart(String[] lines, int i) {
        String t = lines[i].strip();
        StringBuilder joined = new StringBuilder(t);
        for (int k = 0; k < 3 && i + k < lines.length; k++) {
            if (k > 0) joined.append(' ').append(lines[i + k].strip());
            String j = joined.toString();
            if (j.length() > 400) break;
            if (!WROTE_END.matcher(j).matches()) continue;
            // a wrapped attribution must start like one; otherwise "Sent from my iPhone" + "On … wrote:" would cut early
            boolean startsLikeAttribution = ON_START.matcher(t).matches() || DATE_HEADER_LINE.matcher(t).matches() || t.contains("@");
            if (k > 0 && !startsLikeAttribution) return -1;
            if (ON_START.matcher(j).matches() || DATE_HEADER_LINE.matcher(j).matches() || j.contains("@")
                    || k == 0 && j.length() < 120 && quoteFollows(lines, i + k + 1)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean quoteFollows(String[] lines, int from) {
        for (int k = from; k < lines.length; k++) {
            String t = lines[k].strip();
            if (t.isEmpty()) continue;
            return t.startsWith(">");
        }
        return false;
    }

    /** Walks back from the first quoted line over blank lines and an attribution line ending with a colon. */
    private static int backOverAttribution(String[] lines, int firstQuoted) {
        int k = firstQuoted - 1;
        while (k >= 0 && lines[k].isBlank()) k--;
        if (k < 0) return firstQuoted;
        String prev = lines[k].strip();
        if (prev.endsWith(":") && (DATE_HEADER_LINE.matcher(prev).matches() || prev.contains("@"))) return k;
        if (k > 0) {
            String two = lines[k - 1].strip() + " " + prev;
            if (prev.endsWith(":") && (DATE_HEADER_LINE.matcher(two).matches() || two.contains("@"))
                    && !lines[k - 1].isBlank()) {
                return k - 1;
            }
        }
        return firstQuoted;
    }

    /** Whether the lines from {@code from} look like a quoted message header (From: then Sent:/To:/Subject:). */
    private static boolean headerBlockFollows(String[] lines, int from) {
        int headers = 0;
        boolean sawFrom = false;
        for (int k = from, seen = 0; k < lines.length && seen < 7; k++) {
            String t = lines[k].strip();
            if (t.isEmpty()) {
                if (headers > 0) break;
                continue;
            }
            seen++;
            if (HEADER_FROM.matcher(t).matches()) {
                sawFrom = true;
                headers++;
            } else if (HEADER_OTHER.matcher(t).matches()) {
                headers++;
            } else if (headers > 0) {
                break;
            }
        }
        return sawFrom && headers >= 2;
    }

    // ---------------------------------------------------------------- HTML

    /**
     * Stands for "div.ymail_android_signature ~ *": jsoup evaluates a general-sibling selector ending in {@code *} by
     * walking every element's previous siblings, quadratic in the siblings (minutes for 100k divs, which jsoup's depth
     * cap turns into siblings); the loop below takes the signature's next sibling instead.
     */
    private static final String YMAIL_SIGNATURE = "div.ymail_android_signature";

    /** A quote container selector, parsed once: parsing these selectors for every message cost more than matching them. */
    private record QuoteSelector(String css, Evaluator evaluator) {
        static QuoteSelector of(String css) {
            return new QuoteSelector(css, Selector.evaluatorOf(css));
        }
    }

    private static final List<QuoteSelector> QUOTE_SELECTORS = Stream.of(
            "div.gmail_quote", "blockquote.gmail_quote", "div.gmail_extra", "div#divRplyFwdMsg", "#divRplyFwdMsg",
            "div#appendonsend", "#appendonsend", "div.OutlookMessageHeader", "div#OLK_SRC_BODY_SECTION",
            "span#OLK_SRC_BODY_SECTION", "#OLK_SRC_BODY_SECTION", "div.moz-cite-prefix", "blockquote[type=cite]",
            "div.yahoo_quoted", ".yahoo_quoted", "div[id^=yahoo_quoted]", YMAIL_SIGNATURE,
            "blockquote", "div#Signature ~ div#divRplyFwdMsg", "div.zmail_extra", "div.protonmail_quote",
            "div[name=messageReplySection]", "div.AppleOriginalContents", "div#mail-editor-reference-message-container",
            "hr#zwchr", "div[data-marker=__QUOTED_TEXT__]", "div.WordSection1 > div[style*=border-top]",
            "div[style*=border-top:solid #E1E1E1]", "div[style*=border-top:solid #B5C4DF]",
            "div[style*=border:none;border-top:solid]").map(QuoteSelector::of).toList();
    private static final Evaluator SIGNATURE = Selector.evaluatorOf(".gmail_signature, .moz-signature, div#Signature, div#signature");
    private static final Evaluator INSIDE_QUOTE = Selector.evaluatorOf("blockquote, .gmail_quote, .yahoo_quoted, #divRplyFwdMsg");

    /**
     * The new part of an HTML reply, as text. Known quote containers are removed (with everything after them, since
     * clients append the quote last), then the plain-text rules run on what is left.
     */
    public static String stripHtml(String html) {
        if (html == null) return null;
        Document doc = Jsoup.parse(Texts.capInput(html));
        return stripHtml(doc.body());
    }

    public static String stripHtml(Element root) {
        if (root == null) return null;
        Element body = root.clone();
        boolean removed = false;
        // Gmail and Thunderbird may put the signature after the quote; keep it, it is the author's, not quoted text
        List<Element> signatures = new java.util.ArrayList<>();
        for (Element sig : body.select(SIGNATURE)) {
            if (sig.closest(INSIDE_QUOTE) == null) signatures.add(sig);
        }
        for (QuoteSelector sel : QUOTE_SELECTORS) {
            Elements found;
            try {
                found = body.select(sel.evaluator());
            } catch (RuntimeException e) {
                continue;
            }
            if (sel.css().equals(YMAIL_SIGNATURE)) {
                found = new Elements(found.stream().map(Element::nextElementSibling).filter(java.util.Objects::nonNull).toList());
            }
            for (Element el : found) {
                if (el.parent() == null) continue;
                if (el.normalName().equals("blockquote") && !hasContentBefore(body, el)) continue;
                removeWithFollowing(body, el);
                removed = true;
            }
        }
        for (Element sig : signatures) {
            if (sig.root() != body.root()) {
                body.appendElement("div").text("-- ");
                body.appendChild(sig);
            }
        }
        String text = stripPlain(HtmlToText.convert(body));
        return removed ? dropTrailingAttribution(text) : text;
    }

    private static boolean hasContentBefore(Element root, Element el) {
        for (Element p = el; p != null && p != root; p = p.parent()) {
            for (Element s = p.previousElementSibling(); s != null; s = s.previousElementSibling()) {
                if (!s.text().isBlank()) return true;
            }
            if (p.parent() != null && !p.parent().ownText().isBlank()) return true;
        }
        return false;
    }

    /** Removes {@code el} and every later sibling up the tree: quotes are the tail of a reply. */
    private static void removeWithFollowing(Element root, Element el) {
        for (Element cur = el; cur != null && cur != root; cur = cur.parent()) {
            while (cur.nextSibling() != null) cur.nextSibling().remove();
        }
        el.remove();
    }
}
