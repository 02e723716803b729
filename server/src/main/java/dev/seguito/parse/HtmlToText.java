package dev.seguito.parse;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Renders HTML as plain text with line structure kept. jsoup's {@code Element.text()} flattens everything to one
 * line, which destroys what the quote and signature heuristics rely on (line starts, short trailing lines).
 */
public final class HtmlToText {
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr", "section", "article", "header", "footer", "address", "dt",
            "dd", "form", "main", "aside", "nav", "figure", "figcaption");
    private static final Set<String> SKIP = Set.of("script", "style", "head", "title", "noscript", "template", "svg",
            "button", "select", "option", "object", "iframe");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0]+");

    private HtmlToText() {
    }

    public static String convert(String html) {
        if (html == null) return null;
        return convert(Jsoup.parse(Texts.capInput(html)).body());
    }

    public static String convert(Element root) {
        if (root == null) return null;
        StringBuilder sb = new StringBuilder();
        root.traverse(new NodeVisitor() {
            int skipping = 0;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (skipping > 0 || SKIP.contains(tag) || isHidden(el)) {
                        skipping++;
                        return;
                    }
                    if (tag.equals("br")) {
                        // every <br> is a line break, so "<div><br></div>" stays a blank line
                        int len = sb.length();
                        while (len > 0 && sb.charAt(len - 1) == ' ') sb.setLength(--len);
                        sb.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        newline(sb);
                    }
                    if (tag.equals("td") || tag.equals("th")) sb.append(' ');
                } else if (node instanceof TextNode tn && skipping == 0) {
                    String t = tn.getWholeText();
                    if (isInsidePre(tn)) {
                        sb.append(t);
                    } else {
                        t = WHITESPACE.matcher(t).replaceAll(" ");
                        if (t.startsWith(" ") && (sb.length() == 0 || Character.isWhitespace(sb.charAt(sb.length() - 1)))) {
                            t = t.substring(1);
                        }
                        sb.append(t);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    if (skipping > 0) {
                        skipping--;
                        return;
                    }
                    String tag = el.normalName();
                    if (BLOCKS.contains(tag) && !tag.equals("br")) newline(sb);
                    if (tag.equals("p") || tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) sb.append('\n');
                }
            }
        });
        return Texts.multiline(sb.toString(), Texts.MAX_INPUT);
    }

    private static boolean isInsidePre(TextNode tn) {
        for (Node p = tn.parent(); p != null; p = p.parent()) {
            if (p instanceof Element e && (e.normalName().equals("pre") || e.normalName().equals("textarea"))) return true;
        }
        return false;
    }

    private static boolean isHidden(Element el) {
        String style = el.attr("style");
        return !style.isEmpty() && style.replace(" ", "").toLowerCase().contains("display:none");
    }

    private static void newline(StringBuilder sb) {
        int len = sb.length();
        while (len > 0 && sb.charAt(len - 1) == ' ') sb.setLength(--len);
        if (len > 0 && sb.charAt(len - 1) != '\n') sb.append('\n');
    }
}
