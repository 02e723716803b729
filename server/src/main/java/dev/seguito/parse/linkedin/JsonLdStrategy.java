package dev.seguito.parse.linkedin;

import dev.seguito.parse.HtmlToText;
import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.PersonDraft;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Public (logged-out) profile pages carry a schema.org Person in JSON-LD: the most stable source, since it is meant
 * for machines and does not follow LinkedIn's CSS churn.
 */
final class JsonLdStrategy implements ProfileStrategy {
    @Override
    public void extract(Document doc, PageContext ctx, PersonDraft draft) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            Object parsed;
            try {
                parsed = Json.decodeValue(script.data());
            } catch (RuntimeException e) {
                ctx.warnings.add("ignored malformed JSON-LD block");
                continue;
            }
            for (JsonObject person : persons(parsed)) {
                apply(person, ctx, draft);
                return;
            }
        }
    }

    private static List<JsonObject> persons(Object node) {
        List<JsonObject> out = new ArrayList<>();
        if (node instanceof JsonArray arr) {
            for (Object o : arr) out.addAll(persons(o));
        } else if (node instanceof JsonObject obj) {
            Object type = obj.getValue("@type");
            if ("Person".equals(type) || type instanceof JsonArray ta && ta.contains("Person")) out.add(obj);
            Object graph = obj.getValue("@graph");
            if (graph != null) out.addAll(persons(graph));
        }
        return out;
    }

    private static void apply(JsonObject p, PageContext ctx, PersonDraft d) {
        String url = str(p.getValue("url"));
        if (url == null) url = str(p.getValue("sameAs"));
        String slug = LinkedInUrls.slug(url);
        if (ctx.slug != null && slug != null && !ctx.slug.equals(slug)) return; // someone else (e.g. a colleague)
        d.offer(PersonDraft.FULL_NAME, str(p.getValue("name")), 0.95);
        d.offer(PersonDraft.FIRST_NAME, str(p.getValue("givenName")), 0.95);
        d.offer(PersonDraft.LAST_NAME, str(p.getValue("familyName")), 0.95);
        if (slug != null) d.offer(PersonDraft.LINKEDIN_URL, LinkedInUrls.canonical(url), 0.9);
        if (ctx.slug == null) ctx.slug = slug;
        Object jobTitle = p.getValue("jobTitle");
        d.offer(PersonDraft.TITLE, str(jobTitle instanceof JsonArray a && !a.isEmpty() ? a.getValue(0) : jobTitle), 0.85);
        Object works = p.getValue("worksFor");
        JsonObject current = null;
        if (works instanceof JsonArray a) {
            for (Object o : a) {
                if (o instanceof JsonObject org) {
                    JsonObject member = org.getJsonObject("member");
                    boolean ended = member != null && member.getValue("endDate") != null;
                    if (!ended) {
                        current = org;
                        break;
                    }
                    if (current == null) current = org;
                }
            }
        } else if (works instanceof JsonObject org) {
            current = org;
        }
        if (current != null) d.offer(PersonDraft.COMPANY, str(current.getValue("name")), 0.85);
        Object address = p.getValue("address");
        if (address instanceof JsonObject a) {
            String loc = str(a.getValue("addressLocality"));
            d.offer(PersonDraft.LOCATION, loc, 0.85);
        } else {
            d.offer(PersonDraft.LOCATION, str(address), 0.7);
        }
        Object image = p.getValue("image");
        String photo = image instanceof JsonObject io ? str(io.getValue("contentUrl")) : str(image);
        if (photo != null && photo.startsWith("http")) d.offer(PersonDraft.PHOTO_URL, photo, 0.9);
        String description = str(p.getValue("description"));
        if (description != null) d.offer(PersonDraft.ABOUT, HtmlToText.convert(description), 0.9);
    }

    private static String str(Object o) {
        if (o instanceof String s) return s.isBlank() ? null : s;
        if (o instanceof JsonArray a && !a.isEmpty()) return str(a.getValue(0));
        return null;
    }
}
