package dev.seguito;

import dev.seguito.config.SeguitoConfig;
import dev.seguito.config.TlsFiles;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.db.Migrations;
import dev.seguito.plugin.PluginDescriptor;
import dev.seguito.plugin.PluginDescriptors;
import dev.seguito.team.NewTeamDefaults;
import dev.seguito.team.TeamService;
import dev.seguito.team.TeamSettings.ContactErasure;
import dev.seguito.team.TokenHasher;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts one Seguito server process: the database (embedded unless {@code DATABASE_URL} is set), migrations, the
 * reactive pool, background workers and the HTTP API. Blocking on purpose: nothing may be served before the schema
 * is current.
 */
public final class SeguitoServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SeguitoServer.class);

    private final Vertx vertx;
    private final Pool pool;
    private final HttpServer http;
    private final Services services;
    private final EmbeddedDatabase embedded;
    private final DatabaseLocation database;

    private SeguitoServer(Vertx vertx, Pool pool, HttpServer http, Services services, EmbeddedDatabase embedded,
                          DatabaseLocation database) {
        this.vertx = vertx;
        this.pool = pool;
        this.http = http;
        this.services = services;
        this.embedded = embedded;
        this.database = database;
    }

    public static SeguitoServer start(SeguitoConfig config) {
        return start(config, true);
    }

    /**
     * @param bootstrap create a first team and admin when the database has none (not for the admin install, which
     *                  creates the team it is told to)
     */
    public static SeguitoServer start(SeguitoConfig config, boolean bootstrap) {
        config.tls().ifPresent(TlsFiles::checkReadable);
        PluginDescriptor descriptor = PluginDescriptors.locate(System.getenv());
        PluginDescriptors.checkConnector(descriptor, config.crm(),
                env -> config.crmSettings().getString(env.replaceFirst("^SEGUITO_OFBIZ_", "").toLowerCase(java.util.Locale.ROOT)));
        LOG.info("Plugin descriptor {} {} is valid; CRM connector: {}", descriptor.id(), descriptor.version(), config.crm());
        EmbeddedDatabase embedded = null;
        DatabaseLocation db;
        if (config.databaseUrl().isPresent()) {
            db = DatabaseLocation.fromUrl(config.databaseUrl().get(), config.databaseUser().orElse(null),
                    config.databasePassword().orElse(null));
        } else {
            embedded = EmbeddedDatabase.start(config.home().resolve("pg"));
            db = embedded.location();
            LOG.info("Embedded PostgreSQL running on port {} with data in {}", db.port(), config.home().resolve("pg"));
        }
        try {
            int applied = Migrations.migrate(db);
            LOG.info("Database schema is current ({} migrations applied now)", applied);
            return startOn(config, db, embedded, descriptor, bootstrap);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    private static SeguitoServer startOn(SeguitoConfig config, DatabaseLocation db, EmbeddedDatabase embedded,
                                         PluginDescriptor descriptor, boolean bootstrap) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(config.dbPoolSize()).setMaxWaitQueueSize(2000)
                        .setConnectionTimeout(10).setConnectionTimeoutUnit(TimeUnit.SECONDS))
                .connectingTo(db.connectOptions())
                .using(vertx)
                .build();
        try {
            String secret = await(tokenSecret(pool, config));
            TeamService teams = new TeamService(pool, new TokenHasher(secret), config.tokenTtl(), config.pairingCodeTtl(),
                    new NewTeamDefaults(descriptor.teamPolicy(), ContactErasure.of(descriptor.contactErasure())));
            if (bootstrap) {
                await(teams.bootstrapIfEmpty()).ifPresent(admin -> announceFirstAdmin(config.home(), admin));
            }
            Services services = await(Services.create(vertx, pool, db, config, teams, registry, descriptor));
            HttpServer http = await(vertx.createHttpServer(httpOptions(config))
                    .requestHandler(services.router())
                    .listen(config.httpPort(), config.httpHost()));
            LOG.info("Seguito is listening on {}://localhost:{}/", config.tls().isPresent() ? "https" : "http",
                    http.actualPort());
            return new SeguitoServer(vertx, pool, http, services, embedded, db);
        } catch (RuntimeException e) {
            vertx.close();
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** HTTP/1.1, or HTTPS with HTTP/2 offered by ALPN when the config names a certificate and its key. */
    private static HttpServerOptions httpOptions(SeguitoConfig config) {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true).setMaxFormAttributeSize(8192);
        config.tls().ifPresent(tls -> options.setSsl(true).setUseAlpn(true)
                .setKeyCertOptions(new PemKeyCertOptions().setCertPath(tls.certificate().toString())
                        .setKeyPath(tls.key().toString())));
        return options;
    }

    /** The HMAC key for tokens: from the config, else generated once and shared by every process via the database. */
    private static Future<String> tokenSecret(Pool pool, SeguitoConfig config) {
        if (config.tokenSecret().isPresent()) {
            return Future.succeededFuture(config.tokenSecret().get());
        }
        return pool.preparedQuery("""
                        insert into server_setting (name, value) values ('token_secret', $1)
                        on conflict (name) do nothing""")
                .execute(Tuple.of(TokenHasher.newSecret()))
                .compose(v -> pool.query("select value from server_setting where name = 'token_secret'").execute())
                .map(rows -> rows.iterator().next().getString(0));
    }

    private static void announceFirstAdmin(Path home, TeamService.NewMember admin) {
        String text = admin.pairingCode();
        System.out.println();
        System.out.println("  First start: created team \"" + admin.member().teamName() + "\" and its admin.");
        System.out.println("  Admin pairing code (single use): " + text);
        System.out.println("  Enter it in the extension's options, or open http://localhost:<port>/admin/ to pair.");
        System.out.println();
        try {
            Files.createDirectories(home);
            Path file = home.resolve("admin-pairing-code.txt");
            Files.writeString(file, text + System.lineSeparator());
        } catch (IOException e) {
            LOG.warn("Could not write the admin pairing code to {}: {}", home, e.getMessage());
        }
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Start-up step timed out", e);
        }
    }

    public int port() {
        return http.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Pool pool() {
        return pool;
    }

    public Services services() {
        return services;
    }

    public DatabaseLocation database() {
        return database;
    }

    public Optional<EmbeddedDatabase> embeddedDatabase() {
        return Optional.ofNullable(embedded);
    }

    /** Graceful: stop taking requests, let in-flight ones finish (up to 10 s), stop workers, then the database. */
    @Override
    public void close() {
        try {
            await(http.shutdown(10, TimeUnit.SECONDS));
        } catch (RuntimeException e) {
            LOG.warn("HTTP shutdown: {}", e.getMessage());
        }
        services.close();
        try {
            await(pool.close());
            await(vertx.close());
        } catch (RuntimeException e) {
            LOG.warn("Shutdown: {}", e.getMessage());
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
