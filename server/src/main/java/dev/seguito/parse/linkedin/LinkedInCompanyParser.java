package dev.seguito.parse.linkedin;

import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedCompany;
import dev.seguito.parse.Texts;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a LinkedIn company page (public or logged in, its home or its About tab) for what the fit score needs of an
 * employer: its industry and size band. Structure comes first (the public page's {@code about-us__*} test ids,
 * the logged-in top card's info list, schema.org JSON-LD); words only where LinkedIn gives nothing else (the About
 * tab's headings), in the seven languages the other parsers read.
 */
public final class LinkedInCompanyParser {
    /** The About tab's "Industry" heading in English, Italian, German, French, Spanish, Portuguese and Dutch. */
    private static final Set<String> INDUSTRY_HEADINGS = Set.of("industry", "settore", "branche", "secteur",
            "sector", "setor", "industrie", "bedrijfstak");
    private static final Pattern TITLE_SUFFIX = Pattern.compile(
            "^\\(\\d+\\)\\s*|\\s*[:|]\\s*(?:[^|:]{1,40}\\s*\\|\\s*)?LinkedIn\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_DIGIT = Pattern.compile("\\d");
    /** Where a page shows other companies (similar pages, people also viewed): never this company's facts. */
    private static final String OTHER_COMPANIES = "aside, .base-card, [data-test-id=similar-pages], [data-test-id=employees-at]";

    private LinkedInCompanyParser() {
    }

    public static ParsedCapture parse(String html, String pageUrl) throws CaptureRejectedException {
        if (Texts.isBlank(html)) {
            throw new CaptureRejectedException(CaptureRejectedException.UNPARSEABLE, "The capture is empty.");
        }
        if (pageUrl != null && LinkedInUrls.companySlug(pageUrl) == null) {
            throw notACompany("The page " + Texts.cap(pageUrl.replaceFirst("\\?.*$", ""), 120)
                    + " is not a LinkedIn company page.");
        }
        Document doc = Jsoup.parse(Texts.capInput(html), pageUrl == null ? "" : pageUrl);
        if (NonProfilePages.LOGIN_TITLE.matcher(doc.title().strip()).matches()
                || doc.selectFirst("form.login__form, #session_key, .authwall-join-form") != null && ownName(doc) == null) {
            throw notACompany("The page is LinkedIn's sign-in wall, not a company page; open it while logged in.");
        }
        if (NonProfilePages.NOT_FOUND.matcher(doc.title()).find() || NonProfilePages.NOT_FOUND.matcher(doc.select("h1").text()).find()) {
            throw notACompany("LinkedIn answered \"page not found\": the company page was removed or the URL is wrong.");
        }
        if (pageUrl == null && isAProfile(doc)) {
            throw notACompany("The page is a LinkedIn member profile, not a company page.");
        }
        List<String> warnings = new ArrayList<>();
        JsonObject organization = organization(doc, warnings);
        String slug = slug(doc, pageUrl, organization);
        if (slug == null && ownName(doc) == null && organization == null) {
            // a title alone ("Giulia Fontana | LinkedIn") could name anyone: without a company marker it is no company
            throw notACompany("Nothing on the page marks it as a LinkedIn company page.");
        }
        String name = Texts.firstNonBlank(ownName(doc), organization == null ? null : text(organization.getValue("name")),
                titleName(doc.selectFirst("meta[property=og:title]") == null ? null
                        : doc.selectFirst("meta[property=og:title]").attr("content")),
                titleName(doc.title()));
        if (name == null) {
            throw notACompany("No company name found on the page; it does not look like a LinkedIn company page.");
        }
        if (slug == null) warnings.add("company page URL not found on the page");
        String industry = industry(doc);
        String size = sizeBand(doc);
        if (size == null && organization != null && organization.getValue("numberOfEmployees") instanceof JsonObject count
                && count.getValue("value") instanceof Number n) {
            // the members who list the company on LinkedIn: fewer than its staff, so a band at least this large
            size = CompanySizeBands.containing(n.longValue());
            warnings.add("company size estimated from its " + n.longValue() + " members on LinkedIn");
        }
        if (industry == null) warnings.add("industry not found on the page");
        if (size == null) warnings.add("company size not found on the page");
        return ParsedCapture.ofCompany(new ParsedCompany(Texts.field(name, 200), slug, Texts.field(industry, 100),
                size), warnings);
    }

    /** A profile names itself in its canonical link; the Organization in its JSON-LD is the person's employer. */
    private static boolean isAProfile(Document doc) {
        Element canonical = doc.selectFirst("link[rel=canonical]");
        Element ogUrl = doc.selectFirst("meta[property=og:url]");
        return canonical != null && LinkedInUrls.slug(canonical.attr("href")) != null
                || ogUrl != null && LinkedInUrls.slug(ogUrl.attr("content")) != null;
    }

    private static String ownName(Document doc) {
        Element h1 = doc.selectFirst("h1.org-top-card-summary__title, h1.top-card-layout__title");
        if (h1 == null) return null;
        return Texts.firstNonBlank(Texts.field(h1.attr("title")), Texts.field(h1.text()));
    }

    /** "(3) Nordlicht Software: About | LinkedIn" gives "Nordlicht Software". */
    private static String titleName(String title) {
        if (title == null) return null;
        String name = TITLE_SUFFIX.matcher(title.strip()).replaceAll("").strip();
        return name.isEmpty() || name.equalsIgnoreCase("LinkedIn") || name.equals(title.strip()) ? null : name;
    }

    private static String slug(Document doc, String pageUrl, JsonObject organization) {
        List<String> candidates = new ArrayList<>();
        candidates.add(pageUrl);
        Element canonical = doc.selectFirst("link[rel=canonical]");
        if (canonical != null) candidates.add(canonical.attr("href"));
        Element ogUrl = doc.selectFirst("meta[property=og:url]");
        if (ogUrl != null) candidates.add(ogUrl.attr("content"));
        if (organization != null) candidates.add(text(organization.getValue("url")));
        // the logged-in page's own tabs link to /company/<slug>/about/ and so on
        Element tab = doc.selectFirst(".org-page-navigation a[href*=/company/]");
        if (tab != null) candidates.add(tab.attr("href"));
        for (String candidate : candidates) {
            String slug = LinkedInUrls.companySlug(candidate);
            if (slug != null) return slug;
        }
        return null;
    }

    private static String industry(Document doc) {
        Element tested = doc.selectFirst("[data-test-id=about-us__industry] dd");
        if (tested != null && !Texts.isBlank(tested.text())) return tested.text();
        for (Element dt : doc.select("dl dt")) {
            if (INDUSTRY_HEADINGS.contains(Texts.wordsKey(dt.text())) && isOwn(dt)) {
                Element dd = dt.nextElementSibling();
                if (dd != null && dd.nameIs("dd") && !Texts.isBlank(dd.text())) return dd.text();
            }
        }
        // the logged-in top card lists industry · headquarters · followers · employees, industry first
        Element first = doc.selectFirst(".org-top-card-summary-info-list__info-item");
        if (first != null && isOwn(first) && !HAS_DIGIT.matcher(first.text()).find() && !Texts.isBlank(first.text())) {
            return first.text();
        }
        Element subline = doc.selectFirst(".top-card-layout__first-subline > span:first-child");
        if (subline != null && !HAS_DIGIT.matcher(subline.text()).find() && !Texts.isBlank(subline.text())) {
            return subline.text();
        }
        return null;
    }

    private static String sizeBand(Document doc) {
        Element tested = doc.selectFirst("[data-test-id=about-us__size] dd");
        if (tested != null && CompanySizeBands.of(tested.text()) != null) return CompanySizeBands.of(tested.text());
        for (Element e : doc.select("dd, .org-top-card-summary-info-list__info-item")) {
            String band = CompanySizeBands.of(e.text());
            if (band != null && isOwn(e)) return band;
        }
        return null;
    }

    private static boolean isOwn(Element e) {
        return e.closest(OTHER_COMPANIES) == null;
    }

    /** The page's schema.org Organization (public pages carry one), or null. */
    private static JsonObject organization(Document doc, List<String> warnings) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonObject found = findOrganization(Json.decodeValue(script.data()));
                if (found != null) return found;
            } catch (RuntimeException e) {
                warnings.add("ignored malformed JSON-LD block");
            }
        }
        return null;
    }

    private static JsonObject findOrganization(Object node) {
        if (node instanceof JsonArray array) {
            for (Object o : array) {
                JsonObject found = findOrganization(o);
                if (found != null) return found;
            }
        } else if (node instanceof JsonObject object) {
            Object type = object.getValue("@type");
            if ("Organization".equals(type) || type instanceof JsonArray types && types.contains("Organization")) {
                return object;
            }
            return findOrganization(object.getValue("@graph"));
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static CaptureRejectedException notACompany(String message) {
        return new CaptureRejectedException(CaptureRejectedException.NOT_A_COMPANY, message);
    }
}
