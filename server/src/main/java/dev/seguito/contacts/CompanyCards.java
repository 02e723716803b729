package dev.seguito.contacts;

import dev.seguito.db.Sql;
import dev.seguito.parse.LinkedInUrls;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/**
 * A company's card: what the side panel shows on a LinkedIn company page, and what a company page's capture answers.
 * Only the team's own companies are found; another team's company of the same page is a 404 like an unknown one.
 */
public final class CompanyCards {
    private static final String CARD = Sql.load("company_card");

    private CompanyCards() {
    }

    /** The card of a company of the team, by its id. */
    public static Future<Optional<JsonObject>> byId(SqlClient client, UUID teamId, UUID companyId) {
        return read(client, Tuple.of(teamId, companyId, null));
    }

    /** The card of the company whose LinkedIn page has this slug, if a member captured it. */
    public static Future<Optional<JsonObject>> byLinkedInSlug(SqlClient client, UUID teamId, String slug) {
        return read(client, Tuple.of(teamId, null, slug));
    }

    private static Future<Optional<JsonObject>> read(SqlClient client, Tuple args) {
        return client.preparedQuery(CARD).execute(args)
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toJson(rows.iterator().next())));
    }

    private static JsonObject toJson(Row row) {
        JsonArray setByHand = new JsonArray();
        if (row.getBoolean("industry_by_hand")) setByHand.add("industry");
        if (row.getBoolean("size_band_by_hand")) setByHand.add("companySize");
        String slug = row.getString("linkedin_slug");
        Object employees = row.getValue("employees");
        return new JsonObject()
                .put("id", row.getUUID("party_id").toString())
                .put("name", row.getString("group_name"))
                .put("linkedinUrl", slug == null ? null : LinkedInUrls.ofCompanySlug(slug))
                .put("industry", row.getString("industry"))
                .put("companySize", row.getString("size_band"))
                .put("setByHand", setByHand)
                .put("employeeCount", row.getLong("employee_count"))
                .put("employees", employees instanceof JsonArray array ? array : new JsonArray(String.valueOf(employees)));
    }
}
