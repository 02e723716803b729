package dev.seguito.security;

import dev.seguito.SeguitoServer;
import dev.seguito.config.SeguitoConfig;
import dev.seguito.config.TlsFiles;
import dev.seguito.testing.EventStream;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server answers HTTPS when it is given a certificate and its key: HTTP/2 through ALPN (the panels' event
 * streams then share one connection), HTTP/1.1 for clients without it, a Strict-Transport-Security header, and no
 * answer at all to plain HTTP on that port. A half-given or unreadable TLS setting stops the start, never falls
 * back to plain HTTP.
 */
class HttpsTest {

    private static SelfSignedCertificate certificate;
    private static SeguitoServer server;
    private static TeamFixture team;

    @BeforeAll
    static void start() {
        certificate = SelfSignedCertificate.create("localhost");
        TlsFiles tls = new TlsFiles(Path.of(certificate.certificatePath()), Path.of(certificate.privateKeyPath()));
        server = TestServer.onSharedDatabase(c -> c.withTls(tls));
        team = TestServer.newTeam(server, "Https " + UUID.randomUUID().toString().substring(0, 6));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (certificate != null) {
            certificate.delete();
        }
    }

    @Test
    void anHttp2ClientIsServedOverTlsWithAStrictTransportHeader() {
        HttpResponse<Buffer> me = client(HttpVersion.HTTP_2).get("/api/v1/me")
                .bearerTokenAuthentication(team.admin().token()).send().await();

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(me.bodyAsJsonObject().getJsonObject("member").getString("role")).isEqualTo("admin");
        assertThat(me.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    }

    @Test
    void anHttp1ClientIsServedOverTlsToo() {
        HttpResponse<Buffer> health = client(HttpVersion.HTTP_1_1).get("/health").send().await();

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.version()).isEqualTo(HttpVersion.HTTP_1_1);
    }

    @Test
    void aCaptureReachesAnOpenEventStreamOverHttp2() {
        String token = team.admin().token();
        try (EventStream events = EventStream.open(server, token, tlsOptions(new HttpClientOptions(), HttpVersion.HTTP_2))) {
            HttpResponse<Buffer> captured = client(HttpVersion.HTTP_2).post("/api/v1/captures")
                    .bearerTokenAuthentication(token)
                    .sendJsonObject(Fixtures.linkedin("giulia_linkedin.html", "https://it.linkedin.com/in/giulia-romano-42"))
                    .await();
            assertThat(captured.statusCode()).as(captured.bodyAsString()).isIn(200, 201);
            String contactId = captured.bodyAsJsonObject().getJsonObject("contact").getString("id");

            events.awaitText("the capture is streamed", text -> text.contains(contactId));
        }
    }

    @Test
    void plainHttpOnTheHttpsPortGetsNoAnswer() {
        WebClient plain = WebClient.create(server.vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()).setConnectTimeout(5_000).setIdleTimeout(10));

        assertThatThrownBy(() -> plain.get("/api/v1/me").bearerTokenAuthentication(team.admin().token()).send().await())
                .as("a token sent in clear is not answered");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedAtStartUp() {
        Path home = TestDatabase.tempDir("seguito-home");

        assertThatThrownBy(() -> SeguitoConfig.load(Map.of("SEGUITO_HOME", home.toString(),
                "SEGUITO_TLS_CERT", certificate.certificatePath())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SEGUITO_TLS_KEY");
    }

    @Test
    void anUnreadableCertificateStopsTheStartBeforeTheDatabase() {
        Path home = TestDatabase.tempDir("seguito-home");
        Path missing = home.resolve("no-such-cert.pem");
        SeguitoConfig config = TestServer.config(home).withTls(new TlsFiles(missing, Path.of(certificate.privateKeyPath())));

        assertThatThrownBy(() -> SeguitoServer.start(config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString());
        assertThat(home.resolve("pg")).as("no embedded database was started").doesNotExist();
    }

    private static WebClient client(HttpVersion version) {
        return WebClient.create(server.vertx(), tlsOptions(new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(server.port()), version));
    }

    private static <T extends HttpClientOptions> T tlsOptions(T options, HttpVersion version) {
        options.setSsl(true).setTrustOptions(certificate.trustOptions()).setVerifyHost(false)
                .setUseAlpn(version == HttpVersion.HTTP_2).setProtocolVersion(version);
        return options;
    }
}
