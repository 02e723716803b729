package dev.seguito.parse.linkedin;

import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.Names;
import dev.seguito.parse.PersonDraft;
import dev.seguito.parse.Texts;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Last resort: {@code <title>}, OpenGraph and the canonical link, present on nearly every variant of the page
 * ("Name - Title - Company | LinkedIn"). Low confidence: the title is truncated and its parts are ambiguous.
 */
final class MetaStrategy implements ProfileStrategy {
    @Override
    public void extract(Document doc, PageContext ctx, PersonDraft d) {
        // one walk of the (large) page for all the lookups below; they only look at these elements
        Elements head = doc.select("meta, link[rel=canonical]");
        String first = meta(head, "profile:first_name");
        String last = meta(head, "profile:last_name");
        d.offer(PersonDraft.FIRST_NAME, first, 0.85);
        d.offer(PersonDraft.LAST_NAME, last, 0.85);
        for (String url : new String[] {attr(head.selectFirst("link[rel=canonical]"), "href"), meta(head, "og:url"),
                meta(head, "al:android:url")}) {
            String canonical = LinkedInUrls.canonical(url);
            if (canonical != null) {
                d.offer(PersonDraft.LINKEDIN_URL, canonical, 0.85);
                if (ctx.slug == null) ctx.slug = LinkedInUrls.slug(url);
                break;
            }
        }
        String image = meta(head, "og:image");
        if (image != null && image.startsWith("http") && !image.contains("static.licdn.com")) {
            d.offer(PersonDraft.PHOTO_URL, image, 0.7);
        }
        String title = Texts.field(Texts.firstNonBlank(meta(head, "og:title"), meta(head, "twitter:title"), doc.title()));
        if (title == null) return;
        title = title.replaceFirst("^\\(\\d+\\+?\\)\\s*", "").replaceFirst("\\s*\\|\\s*LinkedIn\\s*$", "").trim();
        String[] parts = title.split("\\s+[-–—]\\s+");
        if (parts.length == 0 || parts[0].isBlank() || parts[0].equalsIgnoreCase("LinkedIn")) return;
        d.offer(PersonDraft.FULL_NAME, Names.clean(parts[0]), 0.7);
        if (parts.length == 3) {
            d.offer(PersonDraft.TITLE, parts[1], 0.55);
            d.offer(PersonDraft.COMPANY, parts[2], 0.6);
        } else if (parts.length == 2) {
            d.offer(PersonDraft.HEADLINE, parts[1], 0.5);
        }
    }

    private static String meta(Elements head, String key) {
        Element el = head.selectFirst("meta[property=" + key + "], meta[name=" + key + "]");
        return el == null ? null : Texts.field(el.attr("content"));
    }

    private static String attr(Element el, String name) {
        return el == null ? null : el.attr(name);
    }
}
