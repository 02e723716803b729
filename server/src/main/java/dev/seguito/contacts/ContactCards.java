package dev.seguito.contacts;

import dev.seguito.parse.LinkedInUrls;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** Turns the contact-card row into the JSON the side panel shows (docs/api.md, "Contact card"). */
final class ContactCards {

    private ContactCards() {
    }

    static JsonObject fromRow(Row r) {
        JsonArray emails = new JsonArray();
        JsonArray phones = new JsonArray();
        String website = null;
        for (Object o : json(r.getValue("mechs"))) {
            JsonObject mech = (JsonObject) o;
            switch (mech.getString("type")) {
                case "EMAIL_ADDRESS" -> emails.add(new JsonObject().put("address", mech.getString("value"))
                        .put("valid", mech.getBoolean("valid")));
                case "TELECOM_NUMBER" -> phones.add(mech.getString("value"));
                case "WEB_ADDRESS" -> {
                    if (!"LINKEDIN_URL".equals(mech.getString("purpose"))) {
                        website = mech.getString("value");
                    }
                }
                default -> { }
            }
        }
        String slug = r.getString("linkedin_slug");
        Object nextTouch = r.getValue("next_touch");
        return new JsonObject()
                .put("id", r.getUUID("id").toString())
                .put("displayName", r.getString("full_name"))
                .put("firstName", r.getString("first_name"))
                .put("lastName", r.getString("last_name"))
                .put("headline", r.getString("headline"))
                .put("title", r.getString("title"))
                .put("company", r.getString("company"))
                .put("industry", r.getString("industry"))
                .put("companySize", r.getString("size_band"))
                .put("tags", json(r.getValue("tags")))
                .put("location", r.getString("location"))
                .put("linkedinUrl", slug == null ? null : LinkedInUrls.ofSlug(slug))
                .put("connectionDegree", r.getValue("connection_degree"))
                .put("photoUrl", r.getString("photo_url"))
                .put("about", r.getString("about"))
                .put("emails", emails)
                .put("phones", phones)
                .put("website", website)
                .put("relationshipType", r.getString("relationship_type"))
                .put("fitScore", fitScore(r.getValue("fit_score")))
                .put("sources", json(r.getValue("sources")))
                .put("possibleDuplicates", json(r.getValue("duplicates")))
                .put("timeline", timeline(json(r.getValue("timeline"))))
                .put("nextTouch", nextTouch instanceof JsonObject o ? o : null);
    }

    /** Stored as a {@code real}: 0.88 comes back as 0.8799999952316284 unless rounded again (to FitScorer's 2 decimals). */
    private static Double fitScore(Object stored) {
        return stored == null ? null : Math.round(((Number) stored).doubleValue() * 100) / 100.0;
    }

    private static JsonArray timeline(JsonArray raw) {
        JsonArray out = new JsonArray();
        raw.forEach(o -> {
            JsonObject e = (JsonObject) o;
            out.add(e.copy().put("type", e.getString("type").toLowerCase()).put("direction", e.getString("direction").toLowerCase()));
        });
        return out;
    }

    private static JsonArray json(Object value) {
        if (value instanceof JsonArray a) {
            return a;
        }
        return value == null ? new JsonArray() : new JsonArray(value.toString());
    }
}
