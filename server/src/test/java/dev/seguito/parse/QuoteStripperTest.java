package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QuoteStripperTest {
    @Test
    void onDateWroteAttributionAndQuotedLinesAreRemoved() {
        String text = "Sounds good, see you then.\n\nOn Tue, Nov 4, 2025 at 4:47 PM Anna Keller <anna@brightloop.de> wrote:\n> Thursday works.\n> Anna";
        assertEquals("Sounds good, see you then.", QuoteStripper.stripPlain(text));
    }

    @Test
    void attributionWrappedOverTwoLinesIsRemoved() {
        String text = "Yes.\n\nOn Tue, Nov 4, 2025 at 4:47 PM Anna Keller <\nanna@brightloop.de> wrote:\n\n> Thursday?";
        assertEquals("Yes.", QuoteStripper.stripPlain(text));
    }

    @Test
    void outlookOriginalMessageAndHeaderBlocksAreRemoved() {
        assertEquals("Approved.", QuoteStripper.stripPlain("Approved.\n\n-----Original Message-----\nFrom: Bob\nSent: Monday\nHi"));
        assertEquals("Approved.", QuoteStripper.stripPlain(
                "Approved.\n\n________________________________\nFrom: Bob Stone <bob@x.com>\nSent: Monday, November 3, 2025 9:00 AM\nTo: Eve\nSubject: PO"));
        assertEquals("Approved.", QuoteStripper.stripPlain(
                "Approved.\n\n*From:* Bob Stone [mailto:bob@x.com]\n*Sent:* Monday\n*To:* Eve\n*Subject:* PO\n\nOld text"));
    }

    @Test
    void localisedAttributionsAreRecognised() {
        assertEquals("Va bene.", QuoteStripper.stripPlain("Va bene.\n\nIl giorno lun 3 nov 2025 alle ore 09:00 Marco <m@x.it> ha scritto:\n> Ciao"));
        assertEquals("Passt.", QuoteStripper.stripPlain("Passt.\n\nAm 03.11.2025 um 09:00 schrieb Marco Rossi:\n> Hallo"));
    }

    @Test
    void bottomPostedAnswerIsKept() {
        assertEquals("Works for me.", QuoteStripper.stripPlain("On 04/11/2025 10:00, Anna wrote:\n> Thursday?\n\nWorks for me."));
    }

    @Test
    void pureForwardHasNoNewText() {
        assertNull(QuoteStripper.stripPlain("---------- Forwarded message ---------\nFrom: Bob <b@x.com>\nDate: Mon\n\nHello"));
    }

    @Test
    void htmlQuoteContainersFromCommonClientsAreRemoved() {
        assertEquals("New text", QuoteStripper.stripHtml("<div>New text</div><div class=\"gmail_quote\">On Mon wrote:<blockquote>old</blockquote></div>"));
        assertEquals("New text", QuoteStripper.stripHtml("<div>New text</div><div id=\"divRplyFwdMsg\"><b>From:</b> X</div><div>old</div>"));
        assertEquals("New text", QuoteStripper.stripHtml("<p>New text</p><div class=\"moz-cite-prefix\">On 3/11/25 Bob wrote:</div><blockquote type=\"cite\">old</blockquote>"));
        assertEquals("New text", QuoteStripper.stripHtml("<div>New text</div><div class=\"yahoo_quoted\">old</div>"));
        assertEquals("New text", QuoteStripper.stripHtml("<div>New text</div><span id=\"OLK_SRC_BODY_SECTION\"><div>From: old</div></span>"));
    }

    @Test
    void htmlAttributionLeftAfterBlockquoteRemovalIsDropped() {
        assertEquals("Fine, thanks.", QuoteStripper.stripHtml(
                "<div>Fine, thanks.</div><div>26.06.2025, 14:41, \"Bob\" &lt;bob@x.ru&gt;:</div><blockquote>How are you?</blockquote>"));
    }

    @Test
    void gmailSignaturePlacedAfterTheQuoteIsKept() {
        String html = "<div>foo</div><div class=\"gmail_quote\">On Mon X wrote:<blockquote>old</blockquote></div>"
                + "-- <div class=\"gmail_signature\"><div>Jane Roe</div><div>CTO</div></div>";
        assertEquals("foo\n--\nJane Roe\nCTO", QuoteStripper.stripHtml(html));
    }

    @Test
    void angleBracketsThatAreNotHtmlSurviveInFields() {
        assertEquals("Re: <Project> update", Texts.field("Re: <Project>   update"));
        assertEquals("a b", Texts.field("<b>a</b>\n<i>b</i>"));
    }
}
