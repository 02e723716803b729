package dev.seguito.bench;

import java.util.Random;

/**
 * Writes LinkedIn-like logged-in profile pages of a chosen size (200–600 KB is what the extension really sends): a
 * head full of style and script noise, hidden {@code <code>} blocks of Voyager-style JSON (the viewer, colleagues and
 * the profile itself), the top card, experience and about sections, and long "people also viewed" and activity
 * lists. The project's own generator, so benchmarks need no third-party pages; deterministic for a seed.
 */
public final class LinkedInPageGenerator {

    private static final String[] FIRST = {"Giulia", "Marco", "Anna", "Luca", "Sofia", "Priya", "Wei", "Omar", "Jane"};
    private static final String[] LAST = {"Romano", "Rossi", "Bianchi", "Patel", "Chen", "Haddad", "Doe", "Conti"};
    private static final String WORDS = "procurement strategy growth sales pipeline enterprise customers partners "
            + "operations supply chain digital transformation leadership team hiring product roadmap quarterly";

    private final Random random;

    public LinkedInPageGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** One generated page and the facts a parser should find in it. */
    public record Page(String url, String html, String fullName, String company) {
    }

    public Page page(int index, int targetBytes) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String slug = (first + "-" + last + "-" + index).toLowerCase();
        String company = "Fabbrica " + LAST[random.nextInt(LAST.length)] + " " + index;
        String title = "Head of Procurement";
        StringBuilder html = new StringBuilder(targetBytes + 8192);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>(3) ").append(first).append(' ')
                .append(last).append(" | LinkedIn</title>\n");
        html.append("<meta property=\"og:url\" content=\"https://www.linkedin.com/in/").append(slug).append("/\">\n");
        int noise = targetBytes / 4;
        html.append("<style>");
        while (html.length() < noise) {
            html.append(".artdeco-").append(random.nextInt(100000)).append("{margin:0 ").append(random.nextInt(32))
                    .append("px;color:var(--color-text-low-emphasis)}\n");
        }
        html.append("</style></head><body class=\"render-mode-BIGPIPE\">\n");
        voyager(html, "viewer-" + index, "Viewer", "Person", "Recruiter at Somewhere");
        for (int i = 0; i < 3; i++) {
            voyager(html, "colleague-" + index + "-" + i, FIRST[random.nextInt(FIRST.length)], LAST[random.nextInt(LAST.length)], "Engineer");
        }
        voyager(html, slug, first, last, title + " at " + company);
        html.append("<div class=\"application-outlet\"><main id=\"main\" class=\"scaffold-layout__main\">\n");
        html.append("<section class=\"artdeco-card pv-top-card\"><div class=\"pv-text-details__left-panel\">")
                .append("<h1 class=\"text-heading-xlarge inline t-24 v-align-middle break-words\">").append(first).append(' ')
                .append(last).append("</h1><div class=\"text-body-medium break-words\">").append(title).append(" at ")
                .append(company).append("</div><span class=\"text-body-small inline t-black--light break-words\">")
                .append("Milan, Lombardy, Italy</span><span class=\"dist-value\">2nd</span>")
                .append("<a href=\"/in/").append(slug).append("/overlay/contact-info/\">Contact info</a>")
                .append("<button aria-label=\"Current company: ").append(company).append(". Click to skip to experience card\"></button>")
                .append("</div></section>\n");
        html.append("<section class=\"artdeco-card\"><div id=\"about\" class=\"pv-profile-card__anchor\"></div>")
                .append("<div class=\"inline-show-more-text\"><span aria-hidden=\"true\">").append(sentence(60)).append("</span></div></section>\n");
        html.append("<section class=\"artdeco-card\"><div id=\"experience\" class=\"pv-profile-card__anchor\"></div><ul>");
        for (int i = 0; i < 6; i++) {
            html.append("<li class=\"artdeco-list__item\"><div data-view-name=\"profile-component-entity\">")
                    .append("<div class=\"t-bold\"><span aria-hidden=\"true\">").append(i == 0 ? title : "Buyer").append("</span></div>")
                    .append("<span class=\"t-14 t-normal\"><span aria-hidden=\"true\">").append(i == 0 ? company : "Old Co " + i)
                    .append(" · Full-time</span></span><span class=\"t-14 t-normal t-black--light\"><span aria-hidden=\"true\">")
                    .append(2024 - i * 2).append(" - Present</span></span></div></li>");
        }
        html.append("</ul></section>\n");
        html.append("<aside class=\"scaffold-layout__aside\"><ul>");
        int n = 0;
        while (html.length() < targetBytes - 200) {
            html.append("<li class=\"pvs-list__item--line-separated\"><a href=\"/in/someone-").append(n++)
                    .append("/\"><span aria-hidden=\"true\">").append(FIRST[random.nextInt(FIRST.length)]).append(' ')
                    .append(LAST[random.nextInt(LAST.length)]).append("</span><span class=\"visually-hidden\">")
                    .append(sentence(8)).append("</span></a><div class=\"feed-shared-update-v2\">").append(sentence(25))
                    .append("</div></li>\n");
        }
        html.append("</ul></aside></main></div></body></html>\n");
        return new Page("https://www.linkedin.com/in/" + slug + "/", html.toString(), first + " " + last, company);
    }

    private void voyager(StringBuilder html, String id, String first, String last, String headline) {
        html.append("<code style=\"display: none\" id=\"bpr-guid-").append(random.nextInt(1_000_000)).append("\">")
                .append("{&quot;data&quot;:{},&quot;included&quot;:[{&quot;$type&quot;:&quot;com.linkedin.voyager.dash.identity.profile.Profile&quot;,")
                .append("&quot;publicIdentifier&quot;:&quot;").append(id).append("&quot;,&quot;firstName&quot;:&quot;").append(first)
                .append("&quot;,&quot;lastName&quot;:&quot;").append(last).append("&quot;,&quot;headline&quot;:&quot;").append(headline)
                .append("&quot;,&quot;locationName&quot;:&quot;Milan, Italy&quot;}");
        for (int i = 0; i < 20; i++) {
            html.append(",{&quot;$type&quot;:&quot;com.linkedin.voyager.dash.feed.Update&quot;,&quot;text&quot;:&quot;")
                    .append(sentence(20)).append("&quot;}");
        }
        html.append("]}</code>\n");
    }

    private String sentence(int words) {
        String[] w = WORDS.split(" ");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(w[random.nextInt(w.length)]);
        }
        return s.append('.').toString();
    }
}
