package dev.seguito.parse.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class GmailThreadParserTest {
    private static ParsedCapture parse(String fixture) throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.GMAIL_THREAD, Fixtures.load("gmail/" + fixture), "https://mail.google.com/mail/u/0/#inbox/x");
    }

    private static ParsedPerson person(ParsedCapture c, String address) {
        return c.people().stream().filter(p -> p.emails().contains(address)).findFirst().orElseThrow();
    }

    @Test
    void conversationGivesSubjectMessagesSendersDatesAndRecipients() throws Exception {
        ParsedCapture c = parse("thread.html");
        assertEquals("Pilot proposal for Q1", c.subject());
        assertEquals(2, c.messages().size());
        ParsedMessage first = c.messages().get(0);
        assertEquals(new EmailAddress("Marco Rossi", "marco.rossi@seguito.dev"), first.from());
        assertEquals(Instant.parse("2025-11-03T09:12:00Z"), first.sentAt());
        assertEquals(List.of("anna.keller@brightloop.de", "ops@brightloop.de"), first.to().stream().map(EmailAddress::address).toList());
        ParsedMessage second = c.messages().get(1);
        assertEquals("anna.keller@brightloop.de", second.from().address());
        assertEquals(Instant.parse("2025-11-04T16:47:00Z"), second.sentAt());
        assertEquals(List.of("marco.rossi@seguito.dev"), second.to().stream().map(EmailAddress::address).toList());
        assertEquals(List.of("jonas.weber@brightloop.de"), second.cc().stream().map(EmailAddress::address).toList());
        assertTrue(second.messageId().startsWith("sha256:"));
    }

    @Test
    void aThreadReadInItalianKeepsItsDates() throws Exception {
        // Gmail follows the browser's language: the same thread as an Italian member sees it
        String italian = Fixtures.load("gmail/thread.html")
                .replaceAll("(title|alt)=\"Mon, Nov 3, 2025, 9:12 AM\"", "$1=\"lun 3 nov 2025, 09:12\"")
                .replace("title=\"Tue, Nov 4, 2025, 4:47&#8239;PM\"", "title=\"mar 4 nov 2025, 16:47\"");
        assertFalse(italian.contains("title=\"Tue") || italian.contains("title=\"Mon"), "both dates are in Italian");

        ParsedCapture c = CaptureParsers.parse(CaptureSource.GMAIL_THREAD, italian, "https://mail.google.com/mail/u/0/#inbox/x");

        assertEquals(Instant.parse("2025-11-03T09:12:00Z"), c.messages().get(0).sentAt());
        assertEquals(Instant.parse("2025-11-04T16:47:00Z"), c.messages().get(1).sentAt());
        assertTrue(c.warnings().stream().noneMatch(w -> w.contains("unreadable Gmail date")), c.warnings().toString());
    }

    @Test
    void theExpandedDetailsInAnotherLanguageKeepTheSenderOutOfTheRecipients() throws Exception {
        String[][] labels = {{"da:", "a:", "cc:"}, {"Von:", "An:", "Cc:"}, {"de :", "à :", "cci :"}, {"De:", "Para:", "CCO:"}};
        for (String[] label : labels) {
            String page = Fixtures.load("gmail/thread.html").replace(">from:<", ">" + label[0] + "<")
                    .replace(">to:<", ">" + label[1] + "<").replace(">cc:<", ">" + label[2] + "<");

            ParsedMessage second = CaptureParsers.parse(CaptureSource.GMAIL_THREAD, page,
                    "https://mail.google.com/mail/u/0/#inbox/x").messages().get(1);

            assertEquals(List.of("marco.rossi@seguito.dev"), second.to().stream().map(EmailAddress::address).toList(), label[0]);
            assertEquals(List.of("jonas.weber@brightloop.de"), second.cc().stream().map(EmailAddress::address).toList(), label[0]);
        }
    }

    @Test
    void replyTextDropsGmailQuoteSignatureAndClosing() throws Exception {
        ParsedMessage m = parse("thread.html").messages().get(1);
        assertEquals("Hi Marco,\n\nthanks, Thursday at 10:00 works. I looped in Jonas from procurement.", m.replyText());
    }

    @Test
    void newestSenderGetsSignatureFields() throws Exception {
        ParsedCapture c = parse("thread.html");
        ParsedPerson anna = person(c, "anna.keller@brightloop.de");
        assertEquals("Director of Operations", anna.title());
        assertEquals("Brightloop GmbH", anna.company());
        assertEquals(List.of("+4930901820", "+4915123456789"), anna.phones());
        assertEquals("https://www.brightloop.de", anna.website());
        ParsedPerson marco = person(c, "marco.rossi@seguito.dev");
        assertNull(marco.title(), "only the newest sender's signature is read");
        assertEquals(4, c.people().size());
    }

    @Test
    void bounceNamesTheUndeliveredAddress() throws Exception {
        ParsedCapture c = parse("bounce.html");
        ParsedMessage m = c.messages().get(0);
        assertTrue(m.bounce());
        assertEquals(List.of("l.moretti@old-company.example"), m.bouncedAddresses());
        assertTrue(person(c, "mailer-daemon@googlemail.com").automated());
    }

    @Test
    void noReplySenderIsAutomated() throws Exception {
        ParsedCapture c = parse("notification.html");
        assertTrue(person(c, "no-reply@acmecrm.example").automated());
        assertFalse(person(c, "marco.rossi@seguito.dev").automated());
        assertFalse(c.messages().get(0).bounce());
    }

    @Test
    void inboxListWithoutConversationIsUnparseable() {
        CaptureRejectedException e = assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.GMAIL_THREAD, "<div role=main><table><tr><td>Inbox</td></tr></table></div>", null));
        assertEquals("unparseable", e.code());
    }
}
