package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Text and URLs as OFBiz's input policy accepts them ({@link OfbizText}), checked against the contract server's own
 * rendering of that policy ({@link OfbizContractServer#strictNoneViolations}), written apart from it after OFBiz's code.
 */
class OfbizTextTest {

    private static void assertOfbizAccepts(String sent, String from) {
        List<String> refused = OfbizContractServer.strictNoneViolations("field", sent);
        assertTrue(refused.isEmpty(), "from " + from + " sent " + sent + ": " + refused);
    }

    @Test
    void textWithoutAngleBracketsIsSentAsItIs() {
        String plain = "Head of Sales · R&D, AT&T — 100% B2B";
        assertSame(plain, OfbizText.safe(plain));
        assertNull(OfbizText.safe(null));
    }

    @Test
    void angleBracketsBecomeSingleAngleQuotationMarks() {
        assertEquals("Sales \u203A\u203A Growth", OfbizText.safe("Sales >> Growth"));
        assertEquals("CEO \u2039Acme\u203A", OfbizText.safe("CEO <Acme>"));
    }

    @Test
    void encodedAngleBracketsThatOfbizWouldDecodeAreReplacedToo() {
        assertEquals("\u2039b\u203A \u2039 \u2039 \u203A \u2039\u203A",
                OfbizText.safe("&lt;b&gt; &LT &#60; &#x3E; %3c%3E"));
    }

    @Test
    void whatOfbizTakesForAnEventHandlerKeepsItsWordsButNotItsEqualsSign() {
        assertOfbizRefuses("Focus on=results, not on paper");
        assertEquals("Focus on\uFF1Dresults, not on paper", OfbizText.safe("Focus on=results, not on paper"));
        assertEquals("Only one\uFF1D1", OfbizText.safe("Only one=1")); // "one" is part of onEnd, for OFBiz
        String spelled = OfbizText.safe("x on&#99;lick=alert(1)");
        assertOfbizAccepts(spelled, "an event spelled with an entity");
        assertSame("Growth = Sales on paper", OfbizText.safe("Growth = Sales on paper"));
    }

    @Test
    void textEscapedTwiceOrInBothWaysLosesTheEscapeOfbizWouldRefuseAndNothingElse() {
        assertOfbizRefuses("R&amp;D budgets up 100%25");
        assertEquals("R\uFF06amp;D budgets up 100%25", OfbizText.safe("R&amp;D budgets up 100%25"));
        assertOfbizRefuses("&amp;lt;b&amp;gt;");
        assertEquals("\uFF06amp;lt;b\uFF06amp;gt;", OfbizText.safe("&amp;lt;b&amp;gt;"));
        assertEquals("50\uFF05252B", OfbizText.safe("50%252B"));
        assertSame("AT&amp;T", OfbizText.safe("AT&amp;T"), "escaped once: OFBiz takes it");
    }

    @Test
    void whateverTheTextOfbizAcceptsWhatIsSent() {
        String[] pieces = {"<", ">", "&lt;", "&gt", "&#60;", "&#x3e", "%3C", "%3e", "&amp;", "&amp;lt;", "%25", "%253C",
                "%26lt;", "&#x25;3C", "&#37;", " on", " onclick", " onC", "=", " ", "a", "R&D", "AT&T", "&reg", "&copy;",
                "100%", "%", "&", "#", ";", "seek", "seekSegmentTime", "\u00e9", "%C3%A9"};
        Random random = new Random(7);
        int refusedAsWritten = 0;
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            if (!OfbizContractServer.strictNoneViolations("field", text.toString()).isEmpty()) {
                refusedAsWritten++;
            }
            assertOfbizAccepts(OfbizText.safe(text.toString()), text.toString());
        }
        assertTrue(refusedAsWritten > 1_000, "most texts are ones OFBiz would refuse as written: " + refusedAsWritten);
    }

    @Test
    void aUrlOfbizWouldRefuseLosesItsQueryOrIsCutToItsHost() {
        String linkedin = "https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa-1b2c3d/";
        assertSame(linkedin, OfbizText.url(linkedin), "escaped once: OFBiz takes it");
        String regional = "https://acme.example/contact?lang=it&region=eu&q=caf%C3%A9"; // &reg: an entity; %C3: an escape
        assertOfbizRefuses(regional);
        assertEquals("https://acme.example/contact", OfbizText.url(regional));
        assertEquals("https://acme.example/", OfbizText.url("https://acme.example/a%3Cb%3E/?x=1"));
        assertNull(OfbizText.url("not a url %3C"));
        for (String url : List.of(regional, "https://x.example/?q=%20onload=1", "https://x.example/%253C#a&lt;")) {
            assertOfbizAccepts(OfbizText.url(url), url);
        }
    }

    private static void assertOfbizRefuses(String text) {
        assertTrue(!OfbizContractServer.strictNoneViolations("field", text).isEmpty(), "OFBiz refuses " + text);
    }

    @Test
    void aMessageIdLosesItsAngleBracketsAsInOfbizsOwnEmailImport() {
        assertEquals("CAF=abc123@mail.gmail.com", OfbizText.messageId(" <CAF=abc123@mail.gmail.com> "));
    }
}
