package dev.seguito.parse.linkedin;

import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.LinkedInUrls;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;

/**
 * Tells apart pages that merely live on linkedin.com from member profiles: login walls, "profile not found",
 * anti-bot interstitials, and other sections of the site. Rejecting them beats creating an empty contact.
 */
final class NonProfilePages {
    static final Pattern NOT_FOUND = Pattern.compile(
            "(?i)(profile not found|page not found|this profile is not available|profile isn.t available|"
                    + "this page doesn.t exist|page doesn.t exist|we can.t find the page|"
                    + "the profile you.re looking for|this linkedin profile is not available)");
    static final Pattern LOGIN_TITLE = Pattern.compile(
            "(?i)^(linkedin login|sign in|sign up|log in|join linkedin|linkedin: log in or sign up|"
                    + "security verification|linkedin security verification)\\b.*|.*\\| sign up$|.*sign in \\| linkedin$");
    private static final Pattern NON_PROFILE_PATH = Pattern.compile(
            "(?i)^https?://(?:[a-z0-9-]+\\.)*linkedin\\.com/(?!in/|mwlite/in/)(feed|company|school|jobs|search|"
                    + "messaging|mynetwork|notifications|posts|pulse|groups|learning|login|checkpoint|authwall|signup|uas)\\b.*");

    private NonProfilePages() {
    }

    /** Rejects pages that are recognisably not a profile, before any extraction is attempted. */
    static void rejectObvious(Document doc, String pageUrl) throws CaptureRejectedException {
        if (pageUrl != null && NON_PROFILE_PATH.matcher(pageUrl.trim()).matches()) {
            throw notAProfile("The page " + shorten(pageUrl) + " is not a LinkedIn member profile.");
        }
        String title = doc.title().trim();
        String h1 = doc.select("h1").text();
        if (NOT_FOUND.matcher(title).find() || NOT_FOUND.matcher(h1).find()) {
            throw notAProfile("LinkedIn answered \"profile not found\": the profile is private, removed or the URL is wrong.");
        }
        if (LOGIN_TITLE.matcher(title).matches()) {
            throw notAProfile("The page is LinkedIn's sign-in wall, not a profile; open the profile while logged in.");
        }
    }

    /** Called when no name could be found: explains, as precisely as the page allows, what was captured instead. */
    static CaptureRejectedException explainNoName(Document doc, String pageUrl) {
        String html = doc.outerHtml().toLowerCase(Locale.ROOT);
        if (doc.selectFirst("form.login__form, #session_key, input[name=session_key], .authwall-join-form, "
                + "form[action*=login-submit], .join-form") != null || html.contains("authwall")) {
            return notAProfile("The page is LinkedIn's sign-in wall, not a profile; open the profile while logged in.");
        }
        if (doc.selectFirst("meta[http-equiv=refresh]") != null || html.contains("challenge") || doc.body().text().length() < 200) {
            return notAProfile("LinkedIn served a block or redirect page instead of the profile; reload it and capture again.");
        }
        if (pageUrl != null && LinkedInUrls.slug(pageUrl) == null && LinkedInUrls.isLinkedInHost(pageUrl)) {
            return notAProfile("The page " + shorten(pageUrl) + " is not a LinkedIn member profile.");
        }
        return notAProfile("No profile name found on the page; it does not look like a LinkedIn profile.");
    }

    private static CaptureRejectedException notAProfile(String message) {
        return new CaptureRejectedException(CaptureRejectedException.NOT_A_PROFILE, message);
    }

    private static String shorten(String url) {
        String u = url.replaceFirst("\\?.*$", "");
        return u.length() > 120 ? u.substring(0, 120) + "…" : u;
    }
}
