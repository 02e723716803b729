package dev.seguito.db;

import io.vertx.pgclient.PgConnectOptions;

import java.net.URI;

/**
 * Where the PostgreSQL server is, in the two forms we need: JDBC for Flyway and connect options for the
 * reactive pool. Accepts {@code postgresql://user:pw@host:port/db} and {@code jdbc:postgresql://…} URLs.
 */
public record DatabaseLocation(String host, int port, String database, String user, String password) {

    /** Statements up to this many characters are prepared once per connection and reused. */
    static final int PREPARED_STATEMENT_SQL_LIMIT = 16 * 1024;

    public static DatabaseLocation fromUrl(String url, String userOverride, String passwordOverride) {
        String plain = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(plain.replaceFirst("^postgres(ql)?://", "postgresql://"));
        if (!"postgresql".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:5432/db, got: " + url);
        }
        String user = userOverride;
        String password = passwordOverride;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = user != null ? user : parts[0];
            password = password != null ? password : (parts.length > 1 ? parts[1] : null);
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "seguito" : uri.getPath().substring(1);
        return new DatabaseLocation(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 5432, db,
                user == null ? "postgres" : user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public PgConnectOptions connectOptions() {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(host).setPort(port).setDatabase(database).setUser(user)
                .setCachePreparedStatements(true)
                // the default (2048 chars) silently skips the cache for our larger statements, e.g. the contact card
                // (~2.9 KB): each call was parsed and planned again, ~5 ms per side-panel look-up (docs/benchmarks.md)
                .setPreparedStatementCacheSqlLimit(PREPARED_STATEMENT_SQL_LIMIT)
                .setReconnectAttempts(2).setReconnectInterval(500);
        if (password != null) {
            options.setPassword(password);
        }
        return options;
    }
}
