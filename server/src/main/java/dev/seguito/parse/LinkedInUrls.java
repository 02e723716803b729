package dev.seguito.parse;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical LinkedIn profile URLs, the identity key for contacts captured from LinkedIn. Country subdomains
 * ({@code se.linkedin.com}), tracking queries, sub-pages ({@code /overlay/contact-info/}) and case all collapse to
 * {@code https://www.linkedin.com/in/<slug>/}.
 */
public final class LinkedInUrls {
    private static final Pattern PROFILE = Pattern.compile(
            "^(?:https?:)?(?://)?(?:[a-z0-9-]+\\.)*linkedin\\.com/(?:mwlite/)?in/([^/?#\\s\"'<>]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile("^/in/([^/?#\\s\"'<>]+)");
    private static final Pattern COMPANY = Pattern.compile(
            "^(?:(?:https?:)?(?://)?(?:[a-z0-9-]+\\.)*linkedin\\.com)?/company/([^/?#\\s\"'<>]+)", Pattern.CASE_INSENSITIVE);

    private LinkedInUrls() {
    }

    /** The canonical profile URL of a slug already normalised by {@link #slug}. */
    public static String ofSlug(String slug) {
        return "https://www.linkedin.com/in/" + slug + "/";
    }

    /** The canonical profile URL, or null when {@code url} is not a LinkedIn member profile URL. */
    public static String canonical(String url) {
        String slug = slug(url);
        return slug == null ? null : "https://www.linkedin.com/in/" + slug + "/";
    }

    /** The lowercase slug of a profile URL (absolute or {@code /in/...} relative), or null. */
    public static String slug(String url) {
        if (url == null) return null;
        String u = url.trim();
        Matcher m = PROFILE.matcher(u);
        if (!m.find()) {
            m = RELATIVE.matcher(u);
            if (!m.find()) return null;
        }
        return normalised(m.group(1));
    }

    /**
     * The lowercase slug of a company page URL ({@code https://it.linkedin.com/company/acme/about/} or
     * {@code /company/acme}), or null when the URL is not a LinkedIn company page.
     */
    public static String companySlug(String url) {
        if (url == null) return null;
        Matcher m = COMPANY.matcher(url.trim());
        return m.find() ? normalised(m.group(1)) : null;
    }

    /** The canonical company page URL of a slug given by {@link #companySlug}. */
    public static String ofCompanySlug(String slug) {
        return "https://www.linkedin.com/company/" + slug + "/";
    }

    private static String normalised(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = raw;
        }
        decoded = decoded.trim().toLowerCase(Locale.ROOT);
        if (decoded.isEmpty() || decoded.length() > 200) return null;
        // re-encode so that the same person is one string whether the browser showed %C3%A9 or é
        return URLEncoder.encode(decoded, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    public static boolean isLinkedInHost(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).matches("^(?:https?://)?(?:[a-z0-9-]+\\.)*linkedin\\.com(?:[/?#].*)?$");
    }
}
