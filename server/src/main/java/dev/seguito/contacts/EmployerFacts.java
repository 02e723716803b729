package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.team.Member;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The industry and size band of a contact's current employer. They belong to the company, so setting them on one
 * contact sets them for every colleague at that company, and for those captured there later.
 */
final class EmployerFacts {

    /** What changed: the field names ({@code industry}, {@code companySize}) and the company's current employees. */
    record Changed(List<String> fields, List<UUID> employees) {
        static final Changed NOTHING = new Changed(List.of(), List.of());
    }

    private EmployerFacts() {
    }

    /** Sets the facts given (a null value clears one); a contact without a current employer is a 422. */
    static Future<Changed> set(SqlConnection tx, Member member, UUID partyId, Map<String, String> facts) {
        if (facts.isEmpty()) {
            return Future.succeededFuture(Changed.NOTHING);
        }
        return tx.preparedQuery("""
                        select g.party_id, g.industry, g.size_band
                          from current_employer_facts($1) c join party_group g on g.party_id = c.company_id
                         where g.team_id = $2
                           for update of g""")
                .execute(Tuple.of(partyId, member.teamId()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(new ApiError(422, "no_employer",
                                "This contact has no current employer: industry and company size belong to the company, so set \"company\" first (it may be in the same request)"));
                    }
                    Row company = rows.iterator().next();
                    String industry = facts.containsKey("industry") ? facts.get("industry") : company.getString("industry");
                    String size = facts.containsKey("companySize") ? facts.get("companySize") : company.getString("size_band");
                    List<String> changed = new ArrayList<>(2);
                    if (!Objects.equals(industry, company.getString("industry"))) {
                        changed.add("industry");
                    }
                    if (!Objects.equals(size, company.getString("size_band"))) {
                        changed.add("companySize");
                    }
                    if (changed.isEmpty()) {
                        return Future.succeededFuture(Changed.NOTHING);
                    }
                    UUID companyId = company.getUUID("party_id");
                    // a value typed stays until a member changes it; one cleared may be filled again by a company page
                    return tx.preparedQuery("""
                                    update party_group set industry = $2, size_band = $3,
                                           industry_by_hand = case when $4 then $2::text is not null else industry_by_hand end,
                                           size_band_by_hand = case when $5 then $3::text is not null else size_band_by_hand end
                                     where party_id = $1""")
                            .execute(Tuple.of(companyId, industry, size, changed.contains("industry"),
                                    changed.contains("companySize")))
                            .compose(v -> currentEmployees(tx, companyId))
                            .map(employees -> new Changed(changed, employees));
                });
    }

    /** The company's current employees, erased people left out: whose card and fit its facts change. */
    static Future<List<UUID>> currentEmployees(SqlConnection tx, UUID companyId) {
        return tx.preparedQuery("""
                        select r.party_id_to from party_relationship r
                          join party p on p.id = r.party_id_to and p.status = 'ACTIVE'
                         where r.party_id_from = $1 and r.relationship_type = 'EMPLOYMENT'
                           and r.thru_date is null""")
                .execute(Tuple.of(companyId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }
}
