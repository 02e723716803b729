package dev.seguito.parse.mail;

import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.Dates;
import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.HtmlToText;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.QuoteStripper;
import dev.seguito.parse.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Reads Gmail's conversation view. Gmail's class names are minified but have been stable for a decade
 * ({@code hP}, {@code adn}, {@code gD}, {@code g2}, {@code g3}, {@code a3s}); each lookup still has a structural
 * fallback ({@code [email]} attributes, {@code [data-message-id]}) because a rename would otherwise lose whole threads.
 */
public final class GmailThreadParser {
    // read once per message: parsed once here, since parsing a selector costs more than matching it in one message
    private static final Evaluator SENDER = Selector.evaluatorOf("span.gD[email], .gD [email], h3 span[email], span[email][name]");
    private static final Evaluator RECIPIENT = Selector.evaluatorOf("span.g2[email], .hb span[email], .ajB [email], .ajC [email]");
    private static final Evaluator RECIPIENT_DETAILS = Selector.evaluatorOf(".hb, .ajB, .ajC");
    private static final Evaluator DATE = Selector.evaluatorOf("span.g3[title], span.g3, td.gH span[title], [data-tooltip][title]");
    private static final Evaluator BODY = Selector.evaluatorOf("div.a3s, div.ii.gt, div.ii");
    private static final Evaluator SIGNATURE = Selector.evaluatorOf(".gmail_signature, [data-smartmail=gmail_signature]");
    private static final Evaluator QUOTE = Selector.evaluatorOf(".gmail_quote, blockquote");
    private static final Evaluator FOLDED_QUOTE = Selector.evaluatorOf("div.im, .adL, .yj6qo, div.gmail_extra, .ajU, .ajR");
    private static final Evaluator SNIPPET = Selector.evaluatorOf("span.y2, .iA, .snippet");

    private GmailThreadParser() {
    }

    public static ParsedCapture parse(String html) throws CaptureRejectedException {
        if (Texts.isBlank(html)) throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE, "The capture is empty.");
        Document doc = Jsoup.parse(Texts.capInput(html));
        List<String> warnings = new ArrayList<>();
        String subject = subject(doc);
        List<RawMessage> messages = new ArrayList<>();
        for (Element container : messageContainers(doc)) {
            RawMessage m = readMessage(container, subject, warnings);
            if (m != null) {
                m.subject = subject;
                messages.add(m);
            }
        }
        if (messages.isEmpty()) {
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE,
                    "No Gmail messages found: open a conversation (not the inbox list) and capture again.");
        }
        return ThreadAssembler.assemble(CaptureSource.GMAIL_THREAD, messages, subject, warnings);
    }

    private static String subject(Document doc) {
        Element h = doc.selectFirst("h2.hP, [data-thread-perm-id], h2[data-legacy-thread-id], div[role=main] h2");
        if (h != null && !Texts.isBlank(h.text())) return Texts.field(h.text());
        String title = doc.title();
        // "Subject - user@gmail.com - Gmail"
        if (title.endsWith("Gmail") && title.contains(" - ")) return Texts.field(title.substring(0, title.indexOf(" - ")));
        return null;
    }

    private static List<Element> messageContainers(Document doc) {
        Elements found = doc.select("div.adn");
        if (found.isEmpty()) found = doc.select("div.gs");
        if (found.isEmpty()) found = doc.select("[data-message-id]");
        if (found.isEmpty()) {
            // last resort: one container per sender chip
            Set<Element> parents = new LinkedHashSet<>();
            for (Element sender : doc.select("span.gD, span[email][name]")) {
                Element p = sender.parent();
                for (int i = 0; i < 6 && p != null && p.selectFirst("div.a3s, div.ii") == null; i++) p = p.parent();
                // without a body nearby this is a list row or a contact chip, not a message
                if (p != null && p.selectFirst("div.a3s, div.ii") != null) parents.add(p);
            }
            return new ArrayList<>(parents);
        }
        // nested matches (.gs inside .adn) would double-count
        Set<Element> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        all.addAll(found);
        List<Element> out = new ArrayList<>();
        for (Element e : found) {
            boolean nested = false;
            for (Element p = e.parent(); p != null && !nested; p = p.parent()) nested = all.contains(p);
            if (!nested) out.add(e);
        }
        return out;
    }

    private static RawMessage readMessage(Element c, String subject, List<String> warnings) {
        RawMessage m = new RawMessage();
        Element sender = c.selectFirst(SENDER);
        if (sender == null) return null;
        m.from = Addresses.of(Texts.firstNonBlank(sender.attr("name"), sender.text()), sender.attr("email"));
        if (m.from == null) return null;
        boolean inCc = false;
        for (Element r : c.select(RECIPIENT)) {
            if (r == sender) continue;
            EmailAddress a = Addresses.of(Texts.firstNonBlank(r.attr("name"), r.attr("data-name"), r.text()), r.attr("email"));
            if (a == null || a.address().equals(m.from.address()) && r.closest(RECIPIENT_DETAILS) == null) continue;
            if (isFromRow(r)) continue;
            inCc = isCc(r);
            List<EmailAddress> target = inCc ? m.cc : m.to;
            if (m.to.stream().noneMatch(x -> x.address().equals(a.address()))
                    && m.cc.stream().noneMatch(x -> x.address().equals(a.address()))) {
                target.add(a);
            }
        }
        Element date = c.selectFirst(DATE);
        if (date != null) {
            m.sentAt = Dates.parse(Texts.firstNonBlank(date.attr("title"), date.attr("aria-label"), date.text()));
            if (m.sentAt == null) warnings.add("unreadable Gmail date: " + Texts.field(date.attr("title") + " " + date.text(), 80));
        }
        // Gmail's own ids ("#msg-f:…") are not RFC Message-IDs; only a real one is kept, otherwise a hash stands in
        String dataId = c.attr("data-message-id");
        m.messageId = dataId.startsWith("<") ? dataId : null;
        Element body = c.selectFirst(BODY);
        if (body != null) {
            Element copy = body.clone();
            Element sig = copy.selectFirst(SIGNATURE);
            // a signature inside a quote belongs to someone else
            if (sig != null && sig.closest(QUOTE) == null) {
                String sigText = HtmlToText.convert(sig);
                if (sigText != null) {
                    m.signatureLines = Arrays.stream(sigText.split("\n")).map(String::strip)
                            .filter(s -> !s.isEmpty() && !s.equals("--")).toList();
                }
                sig.remove();
            }
            copy.select(FOLDED_QUOTE).remove(); // quoted text Gmail folds away
            m.newText = QuoteStripper.stripHtml(copy);
        } else {
            Element snippet = c.selectFirst(SNIPPET);
            if (snippet != null) m.newText = Texts.field(snippet.text().replaceFirst("^\\s*-\\s*", ""));
            warnings.add("message from " + m.from.address() + " was collapsed; only its snippet was read");
        }
        String lower = m.from.localPart().toLowerCase(Locale.ROOT);
        m.bounce = Bounces.looksLikeBounce(m.from, subject, null) || lower.contains("mailer-daemon");
        if (m.bounce) {
            List<EmailAddress> exclude = new ArrayList<>(m.to);
            exclude.add(m.from);
            m.bounced.addAll(Bounces.fromText(body == null ? m.newText : HtmlToText.convert(body), exclude));
        }
        return m;
    }

    private static boolean isFromRow(Element r) {
        Element row = r.closest("tr");
        Element label = row == null ? null : row.selectFirst("td");
        return label != null && HeaderLabels.nameOf(label.text()).equals("from");
    }

    private static boolean isCc(Element r) {
        // the expanded details table labels rows "to:", "cc:", "bcc:", in the reader's language ("a:", "ccn:", "An:")
        Element row = r.closest("tr");
        if (row != null) {
            Element label = row.selectFirst("td");
            return label != null && HeaderLabels.nameOf(label.text()).equals("cc");
        }
        Element p = r.parent();
        return p != null && p.ownText().trim().toLowerCase(Locale.ROOT).startsWith("cc");
    }
}
