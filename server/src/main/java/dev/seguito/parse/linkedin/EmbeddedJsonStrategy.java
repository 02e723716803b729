package dev.seguito.parse.linkedin;

import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.PersonDraft;
import dev.seguito.parse.Texts;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Logged-in pages embed Voyager API responses in hidden {@code <code>} elements. They always include the viewer's
 * own profile and often colleagues', so a Profile entity is used only when its {@code publicIdentifier} is the page's
 * slug, or its name equals the name shown in the top card.
 */
final class EmbeddedJsonStrategy implements ProfileStrategy {
    private static final int MAX_BLOCK = 2_000_000;

    @Override
    public void extract(Document doc, PageContext ctx, PersonDraft draft) {
        String shownName = draft.get(PersonDraft.FULL_NAME);
        for (Element code : doc.select("code")) {
            String text = code.wholeText().trim();
            if (text.length() < 2 || text.length() > MAX_BLOCK || text.charAt(0) != '{' || !text.contains("Profile")) continue;
            JsonObject root;
            try {
                root = (JsonObject) Json.decodeValue(text);
            } catch (RuntimeException e) {
                continue;
            }
            JsonArray included = root.getJsonArray("included");
            if (included == null) continue;
            for (Object o : included) {
                if (!(o instanceof JsonObject e)) continue;
                String type = e.getString("$type", "");
                if (!type.endsWith(".Profile") && !type.endsWith(".MiniProfile")) continue;
                if (!matches(e, ctx, shownName)) continue;
                apply(e, draft, type.endsWith(".MiniProfile") ? 0.8 : 0.9);
            }
        }
    }

    private static boolean matches(JsonObject e, PageContext ctx, String shownName) {
        String id = e.getValue("publicIdentifier") instanceof String s ? s.toLowerCase(Locale.ROOT) : null;
        if (ctx.slug != null) return ctx.slug.equals(LinkedInUrls.slug("/in/" + id));
        if (shownName == null) return false;
        String name = (e.getValue("firstName") instanceof String f ? f : "") + " "
                + (e.getValue("lastName") instanceof String l ? l : "");
        return Texts.squash(name).equalsIgnoreCase(Texts.squash(shownName));
    }

    private static void apply(JsonObject e, PersonDraft d, double conf) {
        String first = e.getValue("firstName") instanceof String f ? f : null;
        String last = e.getValue("lastName") instanceof String l ? l : null;
        d.offer(PersonDraft.FIRST_NAME, first, conf);
        d.offer(PersonDraft.LAST_NAME, last, conf);
        if (first != null) d.offer(PersonDraft.FULL_NAME, last == null ? first : first + " " + last, conf - 0.05);
        d.offer(PersonDraft.HEADLINE, string(e, "headline", "occupation"), conf);
        d.offer(PersonDraft.ABOUT, string(e, "summary"), conf);
        d.offer(PersonDraft.LOCATION, string(e, "locationName", "geoLocationName"), conf - 0.1);
        if (e.getValue("publicIdentifier") instanceof String id) {
            d.offer(PersonDraft.LINKEDIN_URL, LinkedInUrls.canonical("https://www.linkedin.com/in/" + id), conf);
        }
    }

    private static String string(JsonObject e, String... keys) {
        for (String k : keys) {
            Object v = e.getValue(k);
            if (v instanceof String s && !s.isBlank()) return s;
            if (v instanceof JsonObject o && o.getValue("text") instanceof String s && !s.isBlank()) return s;
        }
        return null;
    }
}
