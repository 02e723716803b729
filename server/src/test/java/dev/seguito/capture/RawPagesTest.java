package dev.seguito.capture;

import io.vertx.core.buffer.Buffer;
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
    void capturesStoredBeforeCompressionAreReadAsTheirText() {
        String legacy = "From: Giulia Romano <giulia@fabbricanord.example>\r\nSubject: Ciao\r\n\r\nThursday works.";

        assertThat(RawPages.text(Buffer.buffer(legacy.getBytes(StandardCharsets.UTF_8)))).isEqualTo(legacy);
        assertThat(RawPages.text(Buffer.buffer("x"))).isEqualTo("x");
    }
}
