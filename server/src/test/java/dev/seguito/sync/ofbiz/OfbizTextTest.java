package dev.seguito.sync.ofbiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class OfbizTextTest {

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
    void aMessageIdLosesItsAngleBracketsAsInOfbizsOwnEmailImport() {
        assertEquals("CAF=abc123@mail.gmail.com", OfbizText.messageId(" <CAF=abc123@mail.gmail.com> "));
    }
}
