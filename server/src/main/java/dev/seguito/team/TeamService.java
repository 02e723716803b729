package dev.seguito.team;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.seguito.api.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Teams, members, pairing codes and access tokens. A member pairs a browser with a single-use code and gets a
 * bearer token; tokens expire and can be revoked by the member or an admin.
 */
public final class TeamService {

    /** How long a token check may be answered from memory: bounds how late another process sees a revocation. */
    static final Duration AUTH_CACHE_TTL = Duration.ofSeconds(5);

    /** The answer to a member calling an admin-only team operation. */
    public static final String ADMINS_ONLY = "This needs a team admin";

    private final Pool pool;
    private final TokenHasher hasher;
    private final Duration tokenTtl;
    private final Duration pairingCodeTtl;
    private final NewTeamDefaults defaults;
    private final Cache<String, Member> authCache = Caffeine.newBuilder()
            .expireAfterWrite(AUTH_CACHE_TTL).maximumSize(50_000).build();

    /** @param defaults what every new team starts with (from plugin-descriptor.xml) */
    public TeamService(Pool pool, TokenHasher hasher, Duration tokenTtl, Duration pairingCodeTtl, NewTeamDefaults defaults) {
        this.pool = pool;
        this.defaults = defaults;
        this.hasher = hasher;
        this.tokenTtl = tokenTtl;
        this.pairingCodeTtl = pairingCodeTtl;
    }

    /** A new team, its first admin and that admin's pairing code. */
    public Future<NewMember> createTeam(String teamName, String adminName, String adminEmail) {
        UUID teamId = UUID.randomUUID();
        return pool.withTransaction(tx -> insertTeam(tx, teamId, teamName)
                .compose(v -> insertMember(tx, teamId, adminName, adminEmail, "admin")));
    }

    private Future<Void> insertTeam(SqlConnection tx, UUID teamId, String teamName) {
        return tx.preparedQuery("insert into team (id, name, policy, contact_erasure) values ($1, $2, $3, $4)")
                .execute(Tuple.of(teamId, teamName, defaults.policy(), defaults.contactErasure().key()))
                .mapEmpty();
    }

    /**
     * On the very first start there is nobody to pair with: create a team and an admin. An advisory lock makes two
     * server processes starting together create only one.
     */
    public Future<Optional<NewMember>> bootstrapIfEmpty() {
        return pool.withTransaction(tx -> tx.query("select pg_advisory_xact_lock(4242)").execute()
                .compose(v -> tx.query("select count(*) from team").execute())
                .compose(rows -> {
                    if (rows.iterator().next().getLong(0) > 0) {
                        return Future.succeededFuture(Optional.<NewMember>empty());
                    }
                    UUID teamId = UUID.randomUUID();
                    return insertTeam(tx, teamId, "My team")
                            .compose(x -> insertMember(tx, teamId, "Admin", "admin@localhost", "admin"))
                            .map(Optional::of);
                }));
    }

    public Future<NewMember> addMember(Member admin, String name, String email, String role) {
        admin.requireAdmin(ADMINS_ONLY);
        if (!"admin".equals(role) && !"member".equals(role)) {
            throw ApiError.badRequest("role must be \"admin\" or \"member\"");
        }
        return pool.withTransaction(tx -> insertMember(tx, admin.teamId(), name, email, role)
                .compose(m -> AuditLog.record(tx, admin, "member.added", new JsonObject().put("memberId", m.member().id().toString())
                        .put("email", email).put("role", role)).map(m)))
                .recover(e -> dev.seguito.db.PgErrors.isUniqueViolation(e)
                        ? Future.failedFuture(ApiError.conflict("A member with the email " + email + " already exists"))
                        : Future.failedFuture(e));
    }

    /**
     * The admin install: the team with this name and its admin, created when missing, and a fresh pairing code for
     * the admin either way, so running the install twice changes nothing but the code.
     */
    public Future<NewMember> ensureTeam(String teamName, String adminName, String adminEmail) {
        return pool.withTransaction(tx -> tx.query("select pg_advisory_xact_lock(4242)").execute()
                .compose(v -> tx.preparedQuery("select id from team where name = $1 order by created_at limit 1").execute(Tuple.of(teamName)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        UUID teamId = UUID.randomUUID();
                        return insertTeam(tx, teamId, teamName)
                                .compose(x -> insertMember(tx, teamId, adminName, adminEmail, "admin"));
                    }
                    return ensureMember(tx, rows.iterator().next().getUUID(0), adminName, adminEmail, "admin");
                }));
    }

    /** A member of the team, created when missing (by email), with a fresh pairing code. */
    public Future<NewMember> ensureMember(UUID teamId, String name, String email, String role) {
        return pool.withTransaction(tx -> ensureMember(tx, teamId, name, email, role));
    }

    private Future<NewMember> ensureMember(SqlClient tx, UUID teamId, String name, String email, String role) {
        return tx.preparedQuery("select id from team_member where team_id = $1 and lower(email) = lower($2)")
                .execute(Tuple.of(teamId, email))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return insertMember(tx, teamId, name, email, role);
                    }
                    UUID memberId = rows.iterator().next().getUUID(0);
                    return insertPairingCode(tx, teamId, memberId).compose(code -> loadMember(tx, memberId, null)
                            .map(m -> new NewMember(m, code)));
                });
    }

    /** A fresh single-use pairing code for an existing member (e.g. a new laptop). */
    public Future<String> newPairingCode(Member admin, UUID memberId) {
        admin.requireAdmin(ADMINS_ONLY);
        return pool.withTransaction(tx -> tx
                .preparedQuery("select id from team_member where id = $1 and team_id = $2")
                .execute(Tuple.of(memberId, admin.teamId()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiError.notFound("No such member in your team"));
                    }
                    return insertPairingCode(tx, admin.teamId(), memberId);
                }));
    }

    private Future<NewMember> insertMember(SqlClient tx, UUID teamId, String name, String email, String role) {
        UUID memberId = UUID.randomUUID();
        return tx.preparedQuery("insert into team_member (id, team_id, name, email, role) values ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(memberId, teamId, name, email.toLowerCase(), role))
                .compose(v -> insertPairingCode(tx, teamId, memberId))
                .compose(code -> tx.preparedQuery("select name from team where id = $1").execute(Tuple.of(teamId))
                        .map(rows -> new NewMember(new Member(memberId, teamId, rows.iterator().next().getString(0),
                                name, email.toLowerCase(), role, null), code)));
    }

    private Future<String> insertPairingCode(SqlClient tx, UUID teamId, UUID memberId) {
        String code = TokenHasher.newPairingCode();
        return tx.preparedQuery("""
                        insert into api_token (id, team_id, member_id, kind, token_hash, expires_at)
                        values ($1, $2, $3, 'pairing', $4, $5)""")
                .execute(Tuple.of(UUID.randomUUID(), teamId, memberId, io.vertx.core.buffer.Buffer.buffer(hasher.hash(code)),
                        now().plus(pairingCodeTtl)))
                .map(code);
    }

    /** Exchanges a single-use pairing code for a long-lived access token. */
    public Future<Paired> pair(String code, String deviceName) {
        byte[] hash = hasher.hash(code);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        update api_token set used_at = now()
                        where token_hash = $1 and kind = 'pairing' and used_at is null and revoked_at is null
                          and expires_at > now()
                        returning member_id, team_id""")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash)))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiError.unauthorized(
                                "This pairing code is unknown, already used or expired. Ask your admin for a new one."));
                    }
                    Row row = rows.iterator().next();
                    String token = TokenHasher.newAccessToken();
                    UUID tokenId = UUID.randomUUID();
                    return tx.preparedQuery("""
                                    insert into api_token (id, team_id, member_id, kind, token_hash, device_name, expires_at)
                                    values ($1, $2, $3, 'access', $4, $5, $6)""")
                            .execute(Tuple.of(tokenId, row.getUUID("team_id"), row.getUUID("member_id"),
                                    io.vertx.core.buffer.Buffer.buffer(hasher.hash(token)), deviceName, now().plus(tokenTtl)))
                            .compose(v -> loadMember(tx, row.getUUID("member_id"), tokenId))
                            .map(member -> new Paired(token, member));
                }));
    }

    /** Resolves a bearer token to its member, or fails with 401. */
    public Future<Member> authenticate(String token) {
        Member cached = authCache.getIfPresent(token);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return pool.preparedQuery("""
                        update api_token set last_used_at = now()
                        where token_hash = $1 and kind = 'access' and revoked_at is null and expires_at > now()
                        returning id, member_id""")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hasher.hash(token))))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiError.unauthorized(
                                "Your access token is unknown, expired or revoked. Pair this browser again."));
                    }
                    Row row = rows.iterator().next();
                    return loadMember(pool, row.getUUID("member_id"), row.getUUID("id"));
                })
                .onSuccess(member -> authCache.put(token, member));
    }

    private static Future<Member> loadMember(SqlClient client, UUID memberId, UUID tokenId) {
        return client.preparedQuery("""
                        select m.id, m.team_id, t.name as team_name, m.name, m.email, m.role
                        from team_member m join team t on t.id = m.team_id where m.id = $1""")
                .execute(Tuple.of(memberId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Member(r.getUUID("id"), r.getUUID("team_id"), r.getString("team_name"),
                            r.getString("name"), r.getString("email"), r.getString("role"), tokenId);
                });
    }

    /** Revokes one token of the caller's team (admins: any; members: only their own). */
    public Future<Void> revoke(Member caller, UUID tokenId) {
        if (!caller.isAdmin() && !tokenId.equals(caller.tokenId())) {
            throw ApiError.forbidden("Only an admin can revoke another member's token");
        }
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        update api_token set revoked_at = now()
                        where id = $1 and team_id = $2 and revoked_at is null""")
                .execute(Tuple.of(tokenId, caller.teamId()))
                .compose(rows -> rows.rowCount() == 0
                        ? Future.failedFuture(ApiError.notFound("No such active token in your team"))
                        : AuditLog.record(tx, caller, "token.revoked", new JsonObject().put("tokenId", tokenId.toString()))))
                .onSuccess(v -> authCache.asMap().values().removeIf(m -> tokenId.equals(m.tokenId())));
    }

    public Future<JsonArray> members(Member admin) {
        admin.requireAdmin(ADMINS_ONLY);
        return pool.preparedQuery("""
                        select m.id, m.name, m.email, m.role, m.created_at,
                               (select max(last_used_at) from api_token a where a.member_id = m.id) as last_seen
                        from team_member m where m.team_id = $1 order by m.name""")
                .execute(Tuple.of(admin.teamId()))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    rows.forEach(r -> out.add(new JsonObject().put("id", r.getUUID("id").toString())
                            .put("name", r.getString("name")).put("email", r.getString("email"))
                            .put("role", r.getString("role"))
                            .put("lastSeen", r.getOffsetDateTime("last_seen") == null ? null : r.getOffsetDateTime("last_seen").toString())));
                    return out;
                });
    }

    public Future<JsonArray> tokens(Member admin) {
        admin.requireAdmin(ADMINS_ONLY);
        return pool.preparedQuery("""
                        select a.id, a.member_id, m.name, a.kind, a.device_name, a.created_at, a.expires_at,
                               a.used_at, a.revoked_at, a.last_used_at
                        from api_token a join team_member m on m.id = a.member_id
                        where a.team_id = $1 order by a.created_at desc""")
                .execute(Tuple.of(admin.teamId()))
                .map(rows -> {
                    JsonArray out = new JsonArray();
                    rows.forEach(r -> out.add(new JsonObject().put("id", r.getUUID("id").toString())
                            .put("memberId", r.getUUID("member_id").toString()).put("member", r.getString("name"))
                            .put("kind", r.getString("kind")).put("deviceName", r.getString("device_name"))
                            .put("createdAt", text(r.getOffsetDateTime("created_at")))
                            .put("expiresAt", text(r.getOffsetDateTime("expires_at")))
                            .put("usedAt", text(r.getOffsetDateTime("used_at")))
                            .put("revokedAt", text(r.getOffsetDateTime("revoked_at")))
                            .put("lastUsedAt", text(r.getOffsetDateTime("last_used_at")))));
                    return out;
                });
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toString();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A member just created, with the pairing code to hand to them (shown once). */
    public record NewMember(Member member, String pairingCode) {
    }

    /** The result of pairing: the access token (shown once) and who it belongs to. */
    public record Paired(String token, Member member) {
    }
}
