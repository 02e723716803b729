package dev.seguito.parse.mail;

import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.Dates;
import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.HtmlToText;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.QuoteStripper;
import dev.seguito.parse.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Reads Outlook on the web's reading pane. OWA class names are generated and change with every release, so this
 * parser relies on accessibility attributes (aria-labels such as "Message body", "From: …", persona buttons whose
 * title or label holds the address) and, failing that, on the printed "From:/Sent:/To:" header blocks.
 */
public final class OutlookThreadParser {
    // parsed once: they are matched per message, per header element and per ancestor
    private static final Evaluator BODY = Selector.evaluatorOf("[aria-label=Message body], [aria-label='Message body'], "
            + "div[id^=UniqueMessageBody], div.allowTextSelection, div[data-testid=messageBody], div.rps_body");
    private static final Evaluator MESSAGE_CONTAINER = Selector.evaluatorOf(
            "[role=listitem], [role=article], [role=region][aria-label], [data-convid], [data-test-id=mailMessage]");
    private static final Evaluator MESSAGE_ITEM = Selector.evaluatorOf("[role=listitem], [data-convid]");
    private static final Evaluator HEADER_PART = Selector.evaluatorOf("[title], [aria-label], span, div, button");
    private static final Evaluator DATE_PART = Selector.evaluatorOf("span, div, time");
    private static final Pattern DATE_LABEL = Pattern.compile("^(sent|date|received).*");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*(\\p{L}+)");
    /** A "Label: value" line; it is a header line when {@link HeaderLabels} knows the label. */
    private static final Pattern HEADER_LINE = Pattern.compile("(?mu)^\\s*(\\p{L}+)\\s*:\\s*(.*)$");
    /** An English label before an address or a date: "From", "To:", "Sent". */
    private static final Pattern LABEL_PREFIX = Pattern.compile("(?i)^\\s*(from|to|cc|bcc|ccn|cci|cco|sent|date|received)\\b\\s*:?\\s*");
    /**
     * A role label is the word itself ("To", "To:", "To recipients"), never a name starting with it ("Tomas"). Blind
     * copies keep their translated labels ("Ccn" in Italian, "Cci" in French, "CCO" in Spanish and Portuguese).
     */
    private static final Pattern ROLE_LABEL = Pattern.compile("^(from|to|cc|bcc|ccn|cci|cco)\\b");
    /**
     * A label in the reading pane's language, with its colon: "Von:", "An:", "De :", "À :", "Da:", "A:"; without
     * the colon it would be a word of a name ("De Luca", "A. Rossi").
     */
    private static final Pattern TRANSLATED_LABEL = Pattern.compile("^\\s*(\\p{L}+)\\s*:\\s*");

    private OutlookThreadParser() {
    }

    public static ParsedCapture parse(String html) throws CaptureRejectedException {
        if (Texts.isBlank(html)) throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE, "The capture is empty.");
        Document doc = Jsoup.parse(Texts.capInput(html));
        List<String> warnings = new ArrayList<>();
        Element main = doc.selectFirst("[role=main]");
        Element scope = main != null ? main : doc.body();
        String subject = subject(doc, scope);
        List<RawMessage> messages = new ArrayList<>();
        List<Element> bodies = topLevel(scope.select(BODY));
        // how many message bodies each element contains: a message's container is the largest ancestor holding one
        Map<Element, Integer> bodyCount = new IdentityHashMap<>();
        for (Element body : bodies) {
            for (Element p = body.parent(); p != null; p = p.parent()) bodyCount.merge(p, 1, Integer::sum);
        }
        for (Element body : bodies) {
            Element container = containerOf(body, scope, bodyCount);
            RawMessage m = fromDom(container, body, warnings);
            if (m != null) messages.add(m);
        }
        if (messages.isEmpty()) messages.addAll(fromHeaderBlocks(scope, warnings));
        if (messages.isEmpty()) {
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE,
                    "No Outlook messages found: open a conversation in the reading pane and capture again.");
        }
        for (RawMessage m : messages) if (m.subject == null) m.subject = subject;
        for (RawMessage m : messages) {
            m.bounce = Bounces.looksLikeBounce(m.from, m.subject, null);
            if (m.bounce) {
                List<EmailAddress> exclude = new ArrayList<>(m.to);
                exclude.add(m.from);
                m.bounced.addAll(Bounces.fromText(m.newText, exclude));
            }
        }
        return ThreadAssembler.assemble(CaptureSource.OUTLOOK_THREAD, messages, subject, warnings);
    }

    private static String subject(Document doc, Element scope) {
        Element h = scope.selectFirst("[role=heading][aria-level=2], [role=heading][title], h1, h2, [data-testid=subjectLine]");
        if (h != null) {
            String t = Texts.firstNonBlank(h.attr("title"), h.text());
            if (t != null) return Texts.field(t);
        }
        String title = doc.title();
        return title.isBlank() ? null : Texts.field(title.replaceFirst("\\s*[-–]\\s*(Outlook|Mail).*$", ""));
    }

    /** Drops matches nested inside another match (OWA nests body wrappers). Linear in matches times depth. */
    private static List<Element> topLevel(Elements els) {
        Set<Element> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(els);
        List<Element> out = new ArrayList<>();
        for (Element e : els) {
            boolean nested = false;
            for (Element p = e.parent(); p != null && !nested; p = p.parent()) nested = all.contains(p);
            if (!nested) out.add(e);
        }
        return out;
    }

    /** The message's own container: the largest ancestor that contains no other message body. */
    private static Element containerOf(Element body, Element scope, Map<Element, Integer> bodyCount) {
        Element best = body.parent();
        for (Element p = body.parent(); p != null && p != scope.parent(); p = p.parent()) {
            if (bodyCount.getOrDefault(p, 0) > 1) break;
            best = p;
            if (p.is(MESSAGE_CONTAINER)) break;
        }
        return best;
    }

    private static RawMessage fromDom(Element container, Element body, List<String> warnings) {
        RawMessage m = new RawMessage();
        Element header = container.clone();
        for (Element b : header.select(BODY)) b.remove();
        for (Element el : header.select(HEADER_PART)) {
            String label = el.attr("aria-label");
            String role = roleOf(el);
            List<EmailAddress> found = new ArrayList<>();
            for (String candidate : new String[] {el.attr("title"), el.attr("aria-label"), el.ownText()}) {
                if (candidate == null || candidate.isBlank() || !candidate.contains("@")) continue;
                String name = Texts.firstNonBlank(el.ownText().contains("@") ? null : el.ownText(), el.text().contains("@") ? null : el.text());
                List<EmailAddress> parsed = Addresses.parseList(withoutLabel(candidate));
                if (parsed.size() == 1 && parsed.get(0).name() == null && name != null) {
                    parsed = List.of(new EmailAddress(Addresses.cleanName(withoutLabel(name)), parsed.get(0).address()));
                }
                if (found.isEmpty()) {
                    found.addAll(parsed);
                } else if (parsed.size() == 1 && found.size() == 1 && found.get(0).name() == null
                        && parsed.get(0).name() != null && parsed.get(0).address().equals(found.get(0).address())) {
                    // the title held the bare address, the text "Name <address>": keep the named form
                    found.set(0, parsed.get(0));
                }
                if (found.size() != 1 || found.get(0).name() != null) break;
            }
            for (EmailAddress a : found) place(m, a, role);
            if (m.sentAt == null && (isDateLabel(label) || el.hasAttr("title"))) {
                Instant i = Dates.parse(withoutLabel(Texts.firstNonBlank(el.attr("title"), label, el.text())));
                if (i != null) m.sentAt = i;
            }
        }
        if (m.sentAt == null) {
            for (Element el : header.select(DATE_PART)) {
                if (!el.ownText().isBlank()) {
                    Instant i = Dates.parse(el.ownText());
                    if (i != null) {
                        m.sentAt = i;
                        break;
                    }
                }
            }
        }
        if (m.from == null) {
            warnings.add("an Outlook message without a readable sender was skipped");
            return null;
        }
        m.newText = QuoteStripper.stripHtml(body);
        return m;
    }

    /** {@code text} without its leading header label, in English or in one of {@link HeaderLabels}' languages. */
    private static String withoutLabel(String text) {
        Matcher english = LABEL_PREFIX.matcher(text);
        if (english.lookingAt()) return text.substring(english.end());
        Matcher translated = TRANSLATED_LABEL.matcher(text);
        return translated.lookingAt() && !HeaderLabels.nameOf(translated.group(1)).isEmpty() ? text.substring(translated.end()) : text;
    }

    /** "Sent …", "Date sent", or its first word a date label in another language ("Inviato: …", "Data di invio"). */
    private static boolean isDateLabel(String label) {
        if (DATE_LABEL.matcher(label.toLowerCase(Locale.ROOT)).matches()) return true;
        Matcher word = FIRST_WORD.matcher(label);
        if (!word.find()) return false;
        String name = HeaderLabels.nameOf(word.group(1));
        return name.equals("sent") || name.equals("date");
    }

    /** "from", "to", "cc" from the element's own or an ancestor's label, else null (first person = sender). */
    private static String roleOf(Element el) {
        for (Element p = el; p != null; p = p.parent()) {
            String label = (p.attr("aria-label") + " " + p.ownText()).trim().toLowerCase(Locale.ROOT);
            Matcher role = ROLE_LABEL.matcher(label);
            if (role.find()) {
                return role.group(1).equals("from") || role.group(1).equals("to") ? role.group(1) : "cc";
            }
            // in another language the labels are those of the quoted headers: without them the first person shown
            // is taken for the sender, and a reading pane that lists the recipients first would get it wrong
            Matcher translated = TRANSLATED_LABEL.matcher(label);
            if (translated.find()) {
                String name = HeaderLabels.nameOf(translated.group(1));
                if (name.equals("from") || name.equals("to") || name.equals("cc")) return name;
            }
            if (p.is(MESSAGE_ITEM)) break;
        }
        return null;
    }

    private static void place(RawMessage m, EmailAddress a, String role) {
        if (a == null) return;
        boolean known = (m.from != null && m.from.address().equals(a.address()))
                || m.to.stream().anyMatch(x -> x.address().equals(a.address()))
                || m.cc.stream().anyMatch(x -> x.address().equals(a.address()));
        if (known) {
            // a later, better-named sighting of the sender improves the name
            if (m.from != null && m.from.address().equals(a.address()) && m.from.name() == null && a.name() != null) m.from = a;
            return;
        }
        if ("from".equals(role) || role == null && m.from == null) {
            if (m.from == null) m.from = a;
            else m.to.add(a);
        } else if ("cc".equals(role)) {
            m.cc.add(a);
        } else {
            m.to.add(a);
        }
    }

    /**
     * Whether a quoted message's headers start at line {@code i}: a "From:" line (in any of the languages) followed by
     * another header line. Alone, "Da: …" or "De: …" could be a line of the text.
     */
    private static boolean startsHeaderBlock(String[] lines, int i) {
        Matcher from = header(lines[i]);
        if (from == null || !"from".equals(HeaderLabels.nameOf(from.group(1))) || i + 1 >= lines.length) return false;
        Matcher next = header(lines[i + 1]);
        return next != null && !"from".equals(HeaderLabels.nameOf(next.group(1)));
    }

    /** {@code line} as a header line (label in group 1, value in group 2), or null when it is not one. */
    private static Matcher header(String line) {
        Matcher m = HEADER_LINE.matcher(line);
        return m.matches() && !HeaderLabels.nameOf(m.group(1)).isEmpty() ? m : null;
    }

    /** Printed or pasted views: messages separated by "From: … / Sent: … / To: … / Subject: …" header blocks. */
    private static List<RawMessage> fromHeaderBlocks(Element scope, List<String> warnings) {
        String text = HtmlToText.convert(scope);
        List<RawMessage> out = new ArrayList<>();
        if (text == null) return out;
        String[] lines = text.split("\n");
        int i = 0;
        while (i < lines.length) {
            if (!startsHeaderBlock(lines, i)) {
                i++;
                continue;
            }
            RawMessage m = new RawMessage();
            int j = i;
            for (; j < lines.length; j++) {
                Matcher h = header(lines[j]);
                if (h == null || j > i && startsHeaderBlock(lines, j)) break;
                String value = h.group(2);
                switch (HeaderLabels.nameOf(h.group(1))) {
                    case "from" -> m.from = first(Addresses.parseList(value));
                    case "to" -> m.to.addAll(Addresses.parseList(value));
                    case "cc" -> m.cc.addAll(Addresses.parseList(value));
                    case "sent", "date" -> m.sentAt = Dates.parse(value);
                    case "subject" -> m.subject = Texts.field(value);
                    default -> { }
                }
            }
            int k = j;
            StringBuilder body = new StringBuilder();
            for (; k < lines.length; k++) {
                if (startsHeaderBlock(lines, k)) break;
                body.append(lines[k]).append('\n');
            }
            if (m.from != null) {
                m.newText = QuoteStripper.stripPlain(body.toString());
                out.add(m);
            } else {
                warnings.add("a header block without a readable sender was skipped");
            }
            i = Math.max(k, i + 1);
        }
        return out;
    }

    private static EmailAddress first(List<EmailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }
}
