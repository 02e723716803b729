package dev.seguito.capture;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RawPagesTest {

    @Test
    void aPageComesBackExactlyAsCapturedAndIsStoredSmaller() {
        String page = "<html><body>" + "<div class=\"pv-top-card\">Giulia Romano · Zürich 🙂</div>".repeat(2000) + "</body></html>";

        Buffer stored = RawPages.gzip(page.getBytes(StandardCharsets.UTF_8));

        assertThat(stored.length()).isLessThan(page.length() / 10);
        assertThat(RawPages.text(stored)).isEqualTo(page);
    }

    @Test
    void aCaptureKeptAsItsRequestGivesBackItsPageOrMail() {
        String page = "<html><body><h1>Giulia Romano</h1>\u0000</body></html>";
        String mail = "From: Giulia Romano <giulia@fabbricanord.example>\r\n\r\nThursday works.";
        Buffer pageRequest = RawPages.gzip(new JsonObject().put("source", "linkedin_profile").put("html", page)
                .put("idempotencyKey", "k1").toBuffer().getBytes());
        Buffer mailRequest = RawPages.gzip(new JsonObject().put("source", "eml").put("mime", mail)
                .put("idempotencyKey", "k2").toBuffer().getBytes());

        // as when it was received: the NUL a JSON string or a page sent as the body may carry is replaced
        assertThat(RawPages.content(pageRequest, RawPages.REQUEST)).isEqualTo(page.replace('\u0000', '\uFFFD'));
        assertThat(RawPages.content(mailRequest, RawPages.REQUEST)).isEqualTo(mail);
        assertThat(RawPages.content(RawPages.gzip(page.getBytes(StandardCharsets.UTF_8)), RawPages.PAGE))
                .isEqualTo(page.replace('\u0000', '\uFFFD'));
    }

    @Test
    void capturesStoredBeforeCompressionAreReadAsTheirText() {
        String legacy = "From: Giulia Romano <giulia@fabbricanord.example>\r\nSubject: Ciao\r\n\r\nThursday works.";

        assertThat(RawPages.text(Buffer.buffer(legacy.getBytes(StandardCharsets.UTF_8)))).isEqualTo(legacy);
        assertThat(RawPages.text(Buffer.buffer("x"))).isEqualTo("x");
    }
}
