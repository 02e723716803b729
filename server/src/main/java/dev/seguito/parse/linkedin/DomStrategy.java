package dev.seguito.parse.linkedin;

import dev.seguito.parse.HtmlToText;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.Names;
import dev.seguito.parse.PersonDraft;
import dev.seguito.parse.PhoneNormalizer;
import dev.seguito.parse.Texts;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Reads the rendered page: the public layout ({@code top-card-layout__*}, {@code experience-item}) and the logged-in
 * one ({@code pv-top-card}, {@code text-heading-xlarge}, the {@code #experience} card). LinkedIn obfuscates most class
 * names in the logged-in app, so selectors lean on the few stable ones plus document structure.
 */
final class DomStrategy implements ProfileStrategy {
    /** The degree badge: "2nd" in English, "2°"/"2º" in Italian, Spanish and Portuguese, "2." in German, "2e" in French and Dutch. */
    private static final Pattern DEGREE = Pattern.compile("(?iu)\\b([123])(?:st|nd|rd|er|e|\u00b0|\u00ba|\\.)(?![\\p{L}\\p{N}])");
    private static final Pattern CURRENT_COMPANY = Pattern.compile("(?i)^current company:\\s*(.+?)\\.?\\s*(click to skip.*)?$");

    // the public (logged-out) layout; each selector lists the variants LinkedIn served over time, first match wins
    private static final Evaluator PUBLIC_NAME = Selector.evaluatorOf(
            "h1.top-card-layout__title, .top-card-layout__title h1, h1.top-card__title");
    private static final Evaluator PUBLIC_HEADLINE = Selector.evaluatorOf("h2.top-card-layout__headline, .top-card-layout__headline");
    private static final Evaluator PUBLIC_SUBLINE = Selector.evaluatorOf(".top-card-layout__first-subline .not-first-middot > span, "
            + ".top-card__subline-item, .top-card-layout__first-subline span");
    private static final Evaluator PUBLIC_EXPERIENCE = Selector.evaluatorOf("section.experience li.experience-item, li.experience-item, "
            + "section[data-section=experience] li.profile-section-card");
    private static final Evaluator PUBLIC_ABOUT = Selector.evaluatorOf("section.summary .core-section-container__content, "
            + "section[data-section=summary] .core-section-container__content");
    private static final Evaluator PUBLIC_PHOTO = Selector.evaluatorOf("img.top-card__profile-image, img.top-card-layout__entity-image");

    @Override
    public void extract(Document doc, PageContext ctx, PersonDraft d) {
        publicLayout(doc, d);
        loggedInLayout(doc, ctx, d);
        if (d.get(PersonDraft.LINKEDIN_URL) == null && ctx.slug != null) {
            d.offer(PersonDraft.LINKEDIN_URL, LinkedInUrls.canonical("/in/" + ctx.slug), 0.9);
        }
    }

    private void publicLayout(Document doc, PersonDraft d) {
        FirstMatches page = new FirstMatches(doc, PUBLIC_NAME, PUBLIC_HEADLINE, PUBLIC_SUBLINE, PUBLIC_EXPERIENCE,
                PUBLIC_ABOUT, PUBLIC_PHOTO);
        Element name = page.first(PUBLIC_NAME);
        if (name != null) d.offer(PersonDraft.FULL_NAME, Names.clean(name.text()), 0.9);
        d.offer(PersonDraft.HEADLINE, text(page.first(PUBLIC_HEADLINE)), 0.9);
        Element subline = page.first(PUBLIC_SUBLINE);
        if (subline != null && !subline.text().toLowerCase().contains("contact info")) {
            d.offer(PersonDraft.LOCATION, subline.text(), 0.85);
        }
        Element exp = page.first(PUBLIC_EXPERIENCE);
        if (exp != null) {
            Element title = exp.selectFirst(".experience-item__title, .profile-section-card__title, h3");
            Element company = exp.selectFirst(".experience-item__subtitle, .profile-section-card__subtitle, h4");
            // a grouped position lists the company as title and roles below
            Element nested = exp.selectFirst("li.experience-group-position, .experience-group-position");
            if (nested != null) {
                d.offer(PersonDraft.COMPANY, text(title), 0.85);
                d.offer(PersonDraft.TITLE, text(nested.selectFirst("h3, .experience-item__title")), 0.85);
            } else {
                d.offer(PersonDraft.TITLE, text(title), 0.9);
                d.offer(PersonDraft.COMPANY, text(company), 0.9);
            }
        }
        Element about = page.first(PUBLIC_ABOUT);
        if (about != null) d.offer(PersonDraft.ABOUT, HtmlToText.convert(about), 0.85);
        Element photo = page.first(PUBLIC_PHOTO);
        if (photo != null) offerPhoto(d, photo, 0.8);
    }

    /** "Phone" in English, Italian, German, French, Spanish, Portuguese and Dutch, accents removed. */
    private static final Pattern PHONE_HEADING = Pattern.compile("phone|telefon|telephone|telefone|telefoon");
    /** "Website(s)", "Sito web", "Webseite", "Site web", "Sitio web", "Site", "Websites". */
    private static final Pattern WEBSITE_HEADING = Pattern.compile("website|webseite|sito web|site|sitio web");

    private void loggedInLayout(Document doc, PageContext ctx, PersonDraft d) {
        Element h1 = doc.selectFirst("main h1.text-heading-xlarge, .pv-top-card h1, h1.text-heading-xlarge, "
                + ".pv-text-details__left-panel h1, main section h1");
        if (h1 == null) return;
        Element card = h1.closest("section");
        if (card == null) card = h1.parent();
        if (h1.hasClass("text-heading-xlarge") || card.hasClass("pv-top-card") || card.selectFirst(".pv-top-card") != null) {
            d.offer(PersonDraft.FULL_NAME, Names.clean(h1.text()), 0.9);
        } else {
            d.offer(PersonDraft.FULL_NAME, Names.clean(h1.text()), 0.5);
        }
        if (ctx.slug == null) {
            Element self = card.selectFirst("a[href*=/overlay/contact-info], a[href*=/overlay/about-this-profile], "
                    + "a[href*=/overlay/photo], a[href*=/detail/contact-info]");
            if (self != null) ctx.slug = LinkedInUrls.slug(self.attr("href"));
        }
        d.offer(PersonDraft.HEADLINE, text(card.selectFirst("div.text-body-medium.break-words, .pv-text-details__left-panel "
                + ".text-body-medium")), 0.9);
        d.offer(PersonDraft.LOCATION, text(card.selectFirst("span.text-body-small.inline.t-black--light.break-words, "
                + ".pv-text-details__left-panel span.text-body-small.inline")), 0.85);
        Element degree = card.selectFirst(".dist-value, .distance-badge");
        if (degree != null) {
            Matcher m = DEGREE.matcher(degree.text());
            if (m.find()) d.offer(PersonDraft.CONNECTION_DEGREE, m.group(1), 0.9);
        }
        Element photo = card.selectFirst("img.pv-top-card-profile-picture__image--show, img.pv-top-card-profile-picture__image, "
                + ".pv-top-card__photo img, img.profile-photo-edit__preview");
        if (photo != null) offerPhoto(d, photo, 0.85);
        for (Element button : card.select("button[aria-label], a[aria-label]")) {
            Matcher m = CURRENT_COMPANY.matcher(button.attr("aria-label").trim());
            if (m.matches()) {
                d.offer(PersonDraft.COMPANY, m.group(1), 0.75);
                break;
            }
        }
        contactInfo(doc, d);
        Element experience = sectionByAnchor(doc, "experience");
        if (experience != null) readExperience(experience, d);
        Element about = sectionByAnchor(doc, "about");
        if (about != null) {
            Element body = about.selectFirst("[class*=inline-show-more-text] span[aria-hidden=true], [class*=inline-show-more-text], "
                    + ".pv-shared-text-with-see-more span[aria-hidden=true]");
            if (body != null) d.offer(PersonDraft.ABOUT, HtmlToText.convert(body), 0.85);
        }
    }

    /**
     * The "Contact info" overlay, when the extension captured it open (1st-degree connections only). Its headings
     * are in the reader's language ("Phone", "Telefono", "Telefon", "Téléphone" …); LinkedIn's {@code ci-phone} and
     * {@code ci-websites} classes say the same where they are still there. A number written without its country code
     * is read in the country of the profile's location.
     */
    private static void contactInfo(Document doc, PersonDraft d) {
        String region = Texts.firstNonBlank(PhoneNormalizer.regionForLocation(d.get(PersonDraft.LOCATION)), "US");
        for (Element section : doc.select("section.pv-contact-info__contact-type, .pv-contact-info section, "
                + "[class*=contact-info] section")) {
            String heading = Texts.withoutAccents(Texts.squash(section.select("h3, header").text())).toLowerCase(java.util.Locale.ROOT);
            for (Element a : section.select("a[href^=mailto:]")) {
                d.addEmail(a.attr("href").substring("mailto:".length()).replaceFirst("\\?.*$", ""), 0.9);
            }
            if (section.hasClass("ci-phone") || PHONE_HEADING.matcher(heading).lookingAt()) {
                String text = Texts.squash(section.select("span, li").text());
                d.addPhones(PhoneNormalizer.findAll(text, region), 0.7);
            } else if (section.hasClass("ci-websites") || WEBSITE_HEADING.matcher(heading).lookingAt()) {
                Element a = section.selectFirst("a[href^=http]");
                if (a != null) d.offer(PersonDraft.WEBSITE, a.attr("href"), 0.85);
            }
        }
    }

    private static Element sectionByAnchor(Document doc, String id) {
        Element anchor = doc.getElementById(id);
        if (anchor == null) return null;
        Element section = anchor.closest("section");
        return section == null ? anchor.parent() : section;
    }

    /** The first entity of the experience card is the current (or latest) position. */
    private static void readExperience(Element section, PersonDraft d) {
        Element first = section.selectFirst("[data-view-name=profile-component-entity], li.artdeco-list__item, li.pvs-list__item--line-separated");
        if (first == null) return;
        String top = visible(first.selectFirst(".t-bold"));
        Element sub = first.selectFirst(".pvs-entity__sub-components");
        Element nested = sub == null ? null : sub.selectFirst("[data-view-name=profile-component-entity]");
        if (nested != null && visible(nested.selectFirst(".t-bold")) != null) {
            d.offer(PersonDraft.COMPANY, top, 0.85);
            d.offer(PersonDraft.TITLE, visible(nested.selectFirst(".t-bold")), 0.85);
            return;
        }
        d.offer(PersonDraft.TITLE, top, 0.88);
        for (Element span : first.select("span.t-14.t-normal")) {
            if (span.hasClass("t-black--light") || span.closest(".pvs-entity__sub-components") != null) {
                continue;
            }
            String company = visible(span);
            if (company != null) {
                // "Acme · Full-time": the employment type is not part of the name
                company = company.replaceFirst("\\s*·\\s*(Full-time|Part-time|Self-employed|Freelance|Contract|Internship|"
                        + "Apprenticeship|Seasonal|Permanent|Temporary|Tempo pieno|Vollzeit|Temps plein|Heltid).*$", "");
                if (!company.contains(" · ") || company.indexOf(" · ") > 0) company = company.split(" · ")[0];
                d.offer(PersonDraft.COMPANY, company, 0.88);
            }
            break;
        }
    }

    /** Text of the visible copy: LinkedIn duplicates strings into aria-hidden and visually-hidden spans. */
    private static String visible(Element el) {
        if (el == null) return null;
        Elements shown = el.select("span[aria-hidden=true]");
        return Texts.field(shown.isEmpty() ? el.text() : shown.first().text());
    }

    private static String text(Element el) {
        return el == null ? null : Texts.field(el.text());
    }

    private static void offerPhoto(PersonDraft d, Element img, double conf) {
        String src = img.hasAttr("data-delayed-url") ? img.attr("data-delayed-url") : img.attr("src");
        if (src.startsWith("http") && !src.contains("static.licdn.com") && !src.startsWith("data:")) {
            d.offer(PersonDraft.PHOTO_URL, src, conf);
        }
    }
}
