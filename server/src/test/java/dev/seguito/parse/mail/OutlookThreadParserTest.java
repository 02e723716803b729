package dev.seguito.parse.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.seguito.parse.CaptureParsers;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.Fixtures;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedMessage;
import dev.seguito.parse.ParsedPerson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlookThreadParserTest {
    private static ParsedCapture parse(String fixture) throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.OUTLOOK_THREAD, Fixtures.load("outlook/" + fixture), null);
    }

    private static ParsedPerson person(ParsedCapture c, String address) {
        return c.people().stream().filter(p -> p.emails().contains(address)).findFirst().orElseThrow();
    }

    @Test
    void personaButtonsGiveSenderRecipientsAndCc() throws Exception {
        ParsedCapture c = parse("thread.html");
        assertEquals("RE: Renewal terms 2026", c.subject());
        assertEquals(2, c.messages().size());
        ParsedMessage newest = c.messages().get(1);
        assertEquals(new EmailAddress("Claire Dubois", "claire.dubois@verrier.fr"), newest.from());
        assertEquals(List.of("marco.rossi@seguito.dev"), newest.to().stream().map(EmailAddress::address).toList());
        assertEquals(List.of("paul.martin@verrier.fr"), newest.cc().stream().map(EmailAddress::address).toList());
        assertEquals(Instant.parse("2025-11-07T15:25:00Z"), newest.sentAt());
    }

    @Test
    void anOutlookReadInItalianGivesSenderRecipientsCcAndDayFirstDates() throws Exception {
        ParsedCapture c = parse("thread_it.html");
        assertEquals("R: Condizioni di rinnovo 2026", c.subject());
        assertEquals(2, c.messages().size());
        ParsedMessage newest = c.messages().get(1);
        assertEquals(new EmailAddress("Anna Bianchi", "anna.bianchi@officine-lario.example"), newest.from());
        assertEquals(List.of("marco.rossi@seguito.dev"), newest.to().stream().map(EmailAddress::address).toList());
        assertEquals(List.of("alberto.neri@officine-lario.example"), newest.cc().stream().map(EmailAddress::address).toList());
        assertEquals(Instant.parse("2026-11-10T09:05:00Z"), newest.sentAt());
        assertEquals(Instant.parse("2026-11-09T18:10:00Z"), c.messages().get(0).sentAt());
        assertEquals(List.of("anna.bianchi@officine-lario.example"), c.messages().get(0).to().stream().map(EmailAddress::address).toList());
        assertEquals(List.of("laura.verdi@seguito.dev"), c.messages().get(0).cc().stream().map(EmailAddress::address).toList()); // "Ccn" = Bcc
        assertEquals("Buongiorno Marco,\n\nle condizioni vanno bene se il supporto resta entro 4 ore.", newest.replyText());
        ParsedPerson anna = person(c, "anna.bianchi@officine-lario.example");
        assertEquals("Responsabile acquisti", anna.title());
        assertEquals("Officine Lario S.r.l.", anna.company());
        assertEquals(List.of("+390314567890"), anna.phones()); // .example names no country: "S.r.l." names Italy
    }

    @Test
    void aDateGivenOnlyInATranslatedLabelIsRead() throws Exception {
        // the pane shows "ieri" (yesterday); the full date is only in the aria-label, after "Inviato:"
        String page = Fixtures.load("outlook/thread_it.html").replace(
                "<div aria-label=\"Data di invio\" title=\"mar 10/11/2026 09:05\">mar 10/11/2026 09:05</div>",
                "<div aria-label=\"Inviato: mar 10/11/2026 09:05\">ieri</div>");
        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("title=\"mar 10/11/2026");

        ParsedCapture c = CaptureParsers.parse(CaptureSource.OUTLOOK_THREAD, page, null);

        assertEquals(Instant.parse("2026-11-10T09:05:00Z"), c.messages().get(1).sentAt());
    }

    @Test
    void inAGermanReadingPaneTheTranslatedLabelsSayWhoSentAndWhoReceivedWhateverTheirOrder() throws Exception {
        ParsedCapture c = parse("thread_de.html");

        // "An:" comes before "Von:" in both headers; Sabine's chip shows no address, so her message cannot be read
        assertEquals(1, c.messages().size());
        ParsedMessage jonas = c.messages().get(0);
        assertEquals(new EmailAddress("Jonas Keller", "jonas.keller@spedition-keller.example"), jonas.from());
        assertEquals(List.of("marco.rossi@seguito.dev"), jonas.to().stream().map(EmailAddress::address).toList());
        assertEquals(List.of("laura.verdi@seguito.dev"), jonas.cc().stream().map(EmailAddress::address).toList());
        assertEquals(Instant.parse("2026-11-23T10:05:00Z"), jonas.sentAt());
        org.assertj.core.api.Assertions.assertThat(c.warnings())
                .contains("an Outlook message without a readable sender was skipped");
    }

    @Test
    void replyTextStopsAtTheOutlookReplyHeader() throws Exception {
        ParsedMessage newest = parse("thread.html").messages().get(1);
        assertEquals("Bonjour Marco,\n\nwe can accept the 2026 terms if the support SLA stays at 4 hours.", newest.replyText());
    }

    @Test
    void frenchSignatureGivesTitleCompanyAndE164Phone() throws Exception {
        ParsedPerson claire = person(parse("thread.html"), "claire.dubois@verrier.fr");
        assertEquals("Responsable achats", claire.title());
        assertEquals("Verrier SA", claire.company());
        assertEquals(List.of("+33142685300"), claire.phones());
    }

    @Test
    void printedHeaderBlocksAreAFallback() throws Exception {
        ParsedCapture c = parse("header_blocks.html");
        assertEquals(2, c.messages().size());
        ParsedMessage newest = c.messages().get(1);
        assertEquals("lars.nilsen@fjordline.no", newest.from().address());
        assertEquals(List.of("eva.berg@fjordline.no"), newest.cc().stream().map(EmailAddress::address).toList());
        assertEquals(Instant.parse("2025-11-10T08:30:00Z"), newest.sentAt());
        assertEquals("Hi Marco, let's talk next week. Eva will send times.", newest.replyText());
        assertEquals(3, c.people().size());
    }

    @Test
    void headerBlocksQuotedByAnItalianOrGermanOutlookAreSplitToo() throws Exception {
        String english = Fixtures.load("outlook/header_blocks.html");
        String italian = english.replace("From: ", "Da: ").replace("Sent: Monday, November 10, 2025 8:30 AM", "Inviato: lunedì 10 novembre 2025 08:30")
                .replace("Sent: Friday, November 7, 2025 5:00 PM", "Inviato: venerdì 7 novembre 2025 17:00")
                .replace("To: ", "A: ").replace("Subject: ", "Oggetto: ");
        String german = english.replace("From: ", "Von: ").replace("Sent: Monday, November 10, 2025 8:30 AM", "Gesendet: Montag, 10. November 2025 08:30")
                .replace("Sent: Friday, November 7, 2025 5:00 PM", "Gesendet: Freitag, 7. November 2025 17:00")
                .replace("To: ", "An: ").replace("Subject: ", "Betreff: ");

        for (String page : List.of(italian, german)) {
            ParsedCapture c = CaptureParsers.parse(CaptureSource.OUTLOOK_THREAD, page, null);
            assertEquals(2, c.messages().size(), page);
            ParsedMessage newest = c.messages().get(1);
            assertEquals("lars.nilsen@fjordline.no", newest.from().address());
            assertEquals(List.of("marco.rossi@seguito.dev"), newest.to().stream().map(EmailAddress::address).toList());
            assertEquals(Instant.parse("2025-11-10T08:30:00Z"), newest.sentAt());
            assertEquals(Instant.parse("2025-11-07T17:00:00Z"), c.messages().get(0).sentAt());
            assertEquals("Hi Marco, let's talk next week. Eva will send times.", newest.replyText());
        }
    }

    @Test
    void aLineOfTextThatStartsLikeAHeaderIsNotAMessage() throws Exception {
        String page = Fixtures.load("outlook/header_blocks.html")
                .replace("<p>Hi Lars, great to meet you at the fair.</p>", "<p>Hi Lars, great to meet you at the fair.</p><p>Da: lunedì ci vediamo.</p>");

        ParsedCapture c = CaptureParsers.parse(CaptureSource.OUTLOOK_THREAD, page, null);

        assertEquals(2, c.messages().size());
    }

    @Test
    void pageWithoutMessagesIsUnparseable() {
        assertEquals("unparseable", assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.OUTLOOK_THREAD, "<div role=main>Nothing selected</div>", null)).code());
    }

    @Test
    void aSenderWhoseNameStartsWithToIsStillTheSender() throws Exception {
        var capture = parse("sender_named_to.html");

        var message = capture.messages().get(0);
        org.assertj.core.api.Assertions.assertThat(message.from().address()).isEqualTo("tomas.berg@nordglas.example");
        org.assertj.core.api.Assertions.assertThat(message.to()).extracting(dev.seguito.parse.EmailAddress::address)
                .containsExactly("marco.rossi@seguito.dev");
    }

    @Test
    void aBareAddressInTheTitleTakesTheNameFromTheChipText() throws Exception {
        var capture = parse("persona_title_address.html");

        org.assertj.core.api.Assertions.assertThat(capture.messages().get(0).from())
                .isEqualTo(new dev.seguito.parse.EmailAddress("Ines Wolff", "ines.wolff@spedition.example"));
    }
}
