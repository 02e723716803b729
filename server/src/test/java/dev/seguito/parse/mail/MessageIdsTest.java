package dev.seguito.parse.mail;

import dev.seguito.parse.EmailAddress;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class MessageIdsTest {

    private static final EmailAddress FROM = new EmailAddress("Giulia Romano", "giulia.romano@fabbricanord.example");
    private static final Instant SENT = Instant.parse("2026-11-17T10:15:00Z");

    @Test
    void aWellFormedRfcIdIsKeptWithAngleBrackets() {
        assertThat(MessageIds.of("reply-1@fabbricanord.example", FROM, SENT, "Hi")).isEqualTo("<reply-1@fabbricanord.example>");
        assertThat(MessageIds.of(" <reply-1@fabbricanord.example> ", FROM, SENT, "Hi")).isEqualTo("<reply-1@fabbricanord.example>");
    }

    @Test
    void anIdWithAControlCharacterFallsBackToTheContentHash() {
        String broken = MessageIds.of("<reply-1@fabbricanor\u0000d.example>", FROM, SENT, "Hi");

        assertThat(broken).startsWith("sha256:").doesNotContain("\u0000");
        assertThat(broken).isEqualTo(MessageIds.of(null, FROM, SENT, "Re: hi"));
    }

    @Test
    void aRunawayIdFallsBackToTheContentHash() {
        assertThat(MessageIds.of("<" + "x".repeat(600) + "@example.com>", FROM, SENT, "Hi")).startsWith("sha256:");
    }
}
