package dev.seguito.testing;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/** Puts a person straight into the store, for tests of the read side that must not depend on the parsers. */
public final class SeedContacts {

    private SeedContacts() {
    }

    public static UUID person(Pool pool, UUID teamId, String fullName, String linkedinSlug, String email) {
        UUID id = UUID.randomUUID();
        pool.withTransaction(tx -> tx
                .preparedQuery("insert into party (id, team_id, party_type) values ($1, $2, 'PERSON')")
                .execute(Tuple.of(id, teamId))
                .compose(v -> tx.preparedQuery("""
                                insert into person (party_id, team_id, full_name, name_key, linkedin_slug)
                                values ($1, $2, $3, $4, $5)""")
                        .execute(Tuple.of(id, teamId, fullName, dev.seguito.identity.IdentityKeys.nameKey(fullName), linkedinSlug)))
                .compose(v -> {
                    if (email == null) {
                        return io.vertx.core.Future.succeededFuture();
                    }
                    UUID mech = UUID.randomUUID();
                    return tx.preparedQuery("""
                                    insert into contact_mech (id, team_id, contact_mech_type, info_string)
                                    values ($1, $2, 'EMAIL_ADDRESS', $3)""")
                            .execute(Tuple.of(mech, teamId, email))
                            .compose(x -> tx.preparedQuery("""
                                            insert into party_contact_mech (team_id, party_id, contact_mech_id, purpose)
                                            values ($1, $2, $3, 'PRIMARY_EMAIL')""")
                                    .execute(Tuple.of(teamId, id, mech)));
                })).await();
        return id;
    }
}
