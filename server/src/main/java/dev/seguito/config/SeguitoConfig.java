package dev.seguito.config;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything an operator can set, read once at start-up: an optional JSON file first, then environment variables,
 * which win. Keeping it one immutable object makes every component's dependencies explicit.
 */
public record SeguitoConfig(
        int httpPort,
        String httpHost,
        Path home,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<String> tokenSecret,
        Duration tokenTtl,
        Duration pairingCodeTtl,
        Duration rawCaptureRetention,
        int maxBodyBytes,
        int rateLimitPerMinute,
        int dbPoolSize,
        String crm,
        JsonObject crmSettings,
        long outboxPollMillis,
        Optional<TlsFiles> tls,
        Set<String> trustedProxies) {

    public static final int DEFAULT_PORT = 8080;

    /** Reads the config file named by {@code SEGUITO_CONFIG} (or {@code $SEGUITO_HOME/config.json}) and the env. */
    public static SeguitoConfig load(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("SEGUITO_HOME", System.getProperty("user.home") + "/.seguito"));
        Path file = Path.of(env.getOrDefault("SEGUITO_CONFIG", home.resolve("config.json").toString()));
        JsonObject json = new JsonObject();
        if (Files.isRegularFile(file)) {
            try {
                json = new JsonObject(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
            }
        }
        return from(json, env, home);
    }

    static SeguitoConfig from(JsonObject json, Map<String, String> env, Path home) {
        Settings s = new Settings(json, env);
        return new SeguitoConfig(
                s.integer("httpPort", "SEGUITO_HTTP_PORT", DEFAULT_PORT),
                s.string("httpHost", "SEGUITO_HTTP_HOST").orElse("0.0.0.0"),
                home,
                s.string("databaseUrl", "DATABASE_URL").or(() -> pgEnvUrl(env)),
                s.string("databaseUser", "PGUSER"),
                s.string("databasePassword", "PGPASSWORD"),
                s.string("tokenSecret", "SEGUITO_TOKEN_SECRET"),
                Duration.ofDays(s.integer("tokenTtlDays", "SEGUITO_TOKEN_TTL_DAYS", 180)),
                Duration.ofHours(s.integer("pairingCodeTtlHours", "SEGUITO_PAIRING_CODE_TTL_HOURS", 72)),
                Duration.ofDays(s.integer("rawCaptureRetentionDays", "SEGUITO_RAW_RETENTION_DAYS", 30)),
                s.integer("maxBodyMb", "SEGUITO_MAX_BODY_MB", 8) * 1024 * 1024,
                s.integer("rateLimitPerMinute", "SEGUITO_RATE_LIMIT_PER_MINUTE", 600),
                s.integer("dbPoolSize", "SEGUITO_DB_POOL_SIZE", 8),
                s.string("crm", "SEGUITO_CRM").orElse("embedded"),
                crmSettings(json, env),
                s.integer("outboxPollMillis", "SEGUITO_OUTBOX_POLL_MS", 1000),
                TlsFiles.from(s.string("tlsCert", "SEGUITO_TLS_CERT"), s.string("tlsKey", "SEGUITO_TLS_KEY")),
                s.string("trustedProxies", "SEGUITO_TRUSTED_PROXIES").map(SeguitoConfig::addresses).orElse(Set.of()));
    }

    public SeguitoConfig withHttpPort(int port) {
        return new SeguitoConfig(port, httpHost, home, databaseUrl, databaseUser, databasePassword, tokenSecret,
                tokenTtl, pairingCodeTtl, rawCaptureRetention, maxBodyBytes, rateLimitPerMinute, dbPoolSize, crm,
                crmSettings, outboxPollMillis, tls, trustedProxies);
    }

    public SeguitoConfig withDatabase(String url, String user, String password) {
        return new SeguitoConfig(httpPort, httpHost, home, Optional.of(url), Optional.ofNullable(user),
                Optional.ofNullable(password), tokenSecret, tokenTtl, pairingCodeTtl, rawCaptureRetention,
                maxBodyBytes, rateLimitPerMinute, dbPoolSize, crm, crmSettings, outboxPollMillis, tls, trustedProxies);
    }

    public SeguitoConfig withRateLimitPerMinute(int limit) {
        return new SeguitoConfig(httpPort, httpHost, home, databaseUrl, databaseUser, databasePassword, tokenSecret,
                tokenTtl, pairingCodeTtl, rawCaptureRetention, maxBodyBytes, limit, dbPoolSize, crm, crmSettings,
                outboxPollMillis, tls, trustedProxies);
    }

    public SeguitoConfig withCrm(String crm, JsonObject settings) {
        return new SeguitoConfig(httpPort, httpHost, home, databaseUrl, databaseUser, databasePassword, tokenSecret,
                tokenTtl, pairingCodeTtl, rawCaptureRetention, maxBodyBytes, rateLimitPerMinute, dbPoolSize, crm,
                settings, outboxPollMillis, tls, trustedProxies);
    }

    public SeguitoConfig withOutboxPollMillis(long millis) {
        return new SeguitoConfig(httpPort, httpHost, home, databaseUrl, databaseUser, databasePassword, tokenSecret,
                tokenTtl, pairingCodeTtl, rawCaptureRetention, maxBodyBytes, rateLimitPerMinute, dbPoolSize, crm,
                crmSettings, millis, tls, trustedProxies);
    }

    /** The same settings answering HTTPS with {@code files}. */
    public SeguitoConfig withTls(TlsFiles files) {
        return new SeguitoConfig(httpPort, httpHost, home, databaseUrl, databaseUser, databasePassword, tokenSecret,
                tokenTtl, pairingCodeTtl, rawCaptureRetention, maxBodyBytes, rateLimitPerMinute, dbPoolSize, crm,
                crmSettings, outboxPollMillis, Optional.of(files), trustedProxies);
    }

    /** The same settings taking the client's address from X-Forwarded-For when a request comes from {@code proxies}. */
    public SeguitoConfig withTrustedProxies(Set<String> proxies) {
        return new SeguitoConfig(httpPort, httpHost, home, databaseUrl, databaseUser, databasePassword, tokenSecret,
                tokenTtl, pairingCodeTtl, rawCaptureRetention, maxBodyBytes, rateLimitPerMinute, dbPoolSize, crm,
                crmSettings, outboxPollMillis, tls, Set.copyOf(proxies));
    }

    private static Set<String> addresses(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(a -> !a.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<String> pgEnvUrl(Map<String, String> env) {
        if (!env.containsKey("PGHOST")) {
            return Optional.empty();
        }
        return Optional.of("postgresql://" + env.get("PGHOST") + ":" + env.getOrDefault("PGPORT", "5432") + "/"
                + env.getOrDefault("PGDATABASE", "seguito"));
    }

    private static JsonObject crmSettings(JsonObject json, Map<String, String> env) {
        JsonObject settings = json.getJsonObject("crmSettings", new JsonObject()).copy();
        env.forEach((key, value) -> {
            if (key.startsWith("SEGUITO_OFBIZ_")) {
                settings.put(key.substring("SEGUITO_OFBIZ_".length()).toLowerCase(), value);
            }
        });
        return settings;
    }

    /** One setting looked up in the environment first, then the file. */
    private record Settings(JsonObject json, Map<String, String> env) {
        Optional<String> string(String jsonKey, String envKey) {
            String value = env.get(envKey);
            if (value == null || value.isBlank()) {
                Object fromFile = json.getValue(jsonKey);
                value = fromFile == null ? null : fromFile.toString();
            }
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }

        int integer(String jsonKey, String envKey, int fallback) {
            return string(jsonKey, envKey).map(v -> {
                try {
                    return Integer.parseInt(v.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(envKey + " (or \"" + jsonKey + "\") must be a whole number, got: " + v);
                }
            }).orElse(fallback);
        }
    }
}
