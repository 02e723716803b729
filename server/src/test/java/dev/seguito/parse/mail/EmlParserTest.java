package dev.seguito.parse.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seguito.parse.CaptureParsers;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.Fixtures;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedMessage;
import dev.seguito.parse.ParsedPerson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmlParserTest {
    private static ParsedCapture parse(String fixture) throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.EML, Fixtures.load("eml/" + fixture), null);
    }

    private static ParsedPerson person(ParsedCapture c, String address) {
        return c.people().stream().filter(p -> p.emails().contains(address)).findFirst().orElseThrow();
    }

    @Test
    void encodedHeadersAreDecoded() throws Exception {
        ParsedCapture c = parse("reply_with_signature.eml");
        ParsedMessage m = c.messages().get(0);
        assertEquals("Oliver Gránt", m.from().name());
        assertEquals("oliver.grant@harbourline.co.uk", m.from().address());
        assertEquals("Re: Café meeting follow-up", m.subject());
        assertEquals("<CAF=reply.123@mail.harbourline.co.uk>", m.messageId());
        assertEquals(Instant.parse("2025-11-12T14:05:33Z"), m.sentAt());
    }

    @Test
    void everyParticipantBecomesAPersonWithLastCommaFirstNamesSplit() throws Exception {
        ParsedCapture c = parse("reply_with_signature.eml");
        assertEquals(3, c.people().size());
        ParsedPerson sunita = person(c, "sunita.patel@harbourline.co.uk");
        assertEquals("Sunita", sunita.firstName());
        assertEquals("Patel", sunita.lastName());
        assertEquals("Sunita Patel", sunita.fullName());
        assertEquals(List.of("sunita.patel@harbourline.co.uk"), sunita.emails());
        assertFalse(sunita.automated());
    }

    @Test
    void replyTextHasNoQuoteAndNoSignature() throws Exception {
        ParsedMessage m = parse("reply_with_signature.eml").messages().get(0);
        assertEquals("Hi Marco,\n\nThanks for the coffee yesterday. Send over the pricing sheet and I will share it with Sunita.",
                m.replyText());
    }

    @Test
    void signaturePhonesAreE164WithTheSenderCountryAsDefault() throws Exception {
        ParsedPerson oliver = person(parse("reply_with_signature.eml"), "oliver.grant@harbourline.co.uk");
        assertEquals(List.of("+442079460958", "+447911123456"), oliver.phones());
        assertEquals("Commercial Director", oliver.title());
        assertEquals("Harbourline Logistics Ltd", oliver.company());
        assertEquals("https://www.harbourline.co.uk", oliver.website());
    }

    @Test
    void deliveryStatusReportIsABounceWithOnlyTheFailedRecipients() throws Exception {
        ParsedCapture c = parse("bounce.eml");
        ParsedMessage m = c.messages().get(0);
        assertTrue(m.bounce());
        assertEquals(List.of("h.larsen@gone.example"), m.bouncedAddresses());
        assertTrue(person(c, "mailer-daemon@mx.seguito.dev").automated());
    }

    @Test
    void listMailIsFromAnAutomatedSender() throws Exception {
        ParsedCapture c = parse("newsletter.eml");
        assertTrue(person(c, "hello@fieldnotes.example").automated());
        assertFalse(person(c, "marco.rossi@seguito.dev").automated());
        assertEquals("This week\n\nFive ways to follow up.", c.messages().get(0).replyText());
    }

    @Test
    void htmlOnlyMessageIsConvertedAndItsGermanQuoteStripped() throws Exception {
        ParsedMessage m = parse("html_only.eml").messages().get(0);
        assertEquals("Hallo Marco,\npasst, bitte schick den Vertrag.", m.replyText());
        assertNotNull(m.sentAt(), "two-digit years are still dates");
    }

    @Test
    void malformedMimeGivesWarningsNotExceptions() throws Exception {
        ParsedCapture c = parse("malformed.eml");
        assertFalse(c.warnings().isEmpty());
        ParsedMessage m = c.messages().get(0);
        assertNull(m.sentAt());
        assertTrue(m.messageId().startsWith("sha256:"));
        assertTrue(c.people().stream().anyMatch(p -> p.emails().contains("marco.rossi@seguito.dev")));
    }

    @Test
    void stableHashIdForMessagesWithoutMessageId() throws Exception {
        String a = parse("malformed.eml").messages().get(0).messageId();
        String b = parse("malformed.eml").messages().get(0).messageId();
        assertEquals(a, b);
    }

    @Test
    void textWithoutHeadersIsUnparseable() {
        CaptureRejectedException e = assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.EML, "just some words\nand more", null));
        assertEquals("unparseable", e.code());
    }
}
