package dev.seguito.contacts;

import dev.seguito.parse.ParsedCompany;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Applies a captured LinkedIn company page to the team's base. The company is found by its page, else by its name
 * (created when the team knows no one there yet, so that people captured there later get its facts), and the page
 * fills the industry and size band a member did not set by hand: what a member typed is the team's own judgement
 * ("Software" rather than LinkedIn's "Software Development") and a page never overwrites it.
 */
public final class CompanyPages {

    /**
     * What the page changed.
     *
     * @param changed    the facts the page gave a new value ({@code industry}, {@code companySize})
     * @param keptByHand the facts where the page says otherwise but a member's value stays
     * @param employees  the company's current employees, whose cards and fit the change moves (empty when nothing changed)
     */
    public record Applied(UUID companyId, List<String> changed, List<String> keptByHand, List<UUID> employees) {
    }

    private CompanyPages() {
    }

    public static Future<Applied> apply(SqlConnection tx, UUID teamId, ParsedCompany page) {
        return bySlug(tx, teamId, page.linkedinSlug())
                .compose(found -> found != null ? Future.succeededFuture(found)
                        : ContactStore.company(tx, teamId, page.name()))
                .compose(companyId -> tx.preparedQuery("""
                                select linkedin_slug, industry, size_band, industry_by_hand, size_band_by_hand
                                  from party_group where party_id = $1 for update""")
                        .execute(Tuple.of(companyId))
                        .compose(rows -> fill(tx, companyId, rows.iterator().next(), page)));
    }

    private static Future<UUID> bySlug(SqlConnection tx, UUID teamId, String slug) {
        if (slug == null) {
            return Future.succeededFuture(null);
        }
        return tx.preparedQuery("select party_id from party_group where team_id = $1 and linkedin_slug = $2")
                .execute(Tuple.of(teamId, slug))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    private static Future<Applied> fill(SqlConnection tx, UUID companyId, Row stored, ParsedCompany page) {
        List<String> changed = new ArrayList<>(2);
        List<String> kept = new ArrayList<>(2);
        String industry = decide("industry", stored.getString("industry"), stored.getBoolean("industry_by_hand"),
                page.industry(), changed, kept);
        String size = decide("companySize", stored.getString("size_band"), stored.getBoolean("size_band_by_hand"),
                page.sizeBand(), changed, kept);
        // the first page captured names the company; a second company of the same name keeps the first one's page
        String slug = stored.getString("linkedin_slug") != null ? stored.getString("linkedin_slug") : page.linkedinSlug();
        if (changed.isEmpty() && Objects.equals(slug, stored.getString("linkedin_slug"))) {
            return Future.succeededFuture(new Applied(companyId, changed, kept, List.of()));
        }
        return tx.preparedQuery("update party_group set industry = $2, size_band = $3, linkedin_slug = $4 where party_id = $1")
                .execute(Tuple.of(companyId, industry, size, slug))
                .compose(v -> changed.isEmpty() ? Future.succeededFuture(List.<UUID>of())
                        : EmployerFacts.currentEmployees(tx, companyId))
                .map(employees -> new Applied(companyId, changed, kept, employees));
    }

    /** The value a fact keeps: the page's, unless a member set it by hand or the page says nothing. */
    private static String decide(String field, String stored, boolean byHand, String fromPage,
                                 List<String> changed, List<String> kept) {
        if (fromPage == null || fromPage.equals(stored)) {
            return stored;
        }
        if (byHand) {
            kept.add(field);
            return stored;
        }
        changed.add(field);
        return fromPage;
    }
}
