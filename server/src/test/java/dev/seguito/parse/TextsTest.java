package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TextsTest {
    @Test
    void whitespaceAndInvisibleCharactersAreBlank() {
        assertTrue(Texts.isBlank(null));
        assertTrue(Texts.isBlank(""));
        assertTrue(Texts.isBlank(" \t\r\n\u000B\f\u0000\u0001\u00A0\u2007\u202F\u200B\u200C\u200D\u2060\uFEFF\u00AD"));
        assertFalse(Texts.isBlank("\u200B x \u00A0"));
        assertFalse(Texts.isBlank("\u2003")); // an em space is not in squash's space set either
    }

    /** isBlank scans instead of squashing; both must agree, or a page could be rejected by one rule and kept by the other. */
    @Test
    void isBlankAgreesWithSquash() {
        char[] alphabet = " \t\n\r\u000B\f\u0000\u0001\u001F\u00A0\u2007\u202F\u200B\u200C\u200D\u200E\u2060\uFEFF\u00AD\u2003\u3000ab.<"
                .toCharArray();
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) sb.append(alphabet[random.nextInt(alphabet.length)]);
            String s = sb.toString();
            assertEquals(Texts.squash(s).isEmpty(), Texts.isBlank(s), () -> "for " + s.chars().mapToObj(Integer::toHexString).toList());
        }
    }
}
