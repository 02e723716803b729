package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureExtractorTest {
    @Test
    void dashDashDelimiterStartsTheSignature() {
        SignatureExtractor.Split s = SignatureExtractor.split("See you Thursday.\n\n-- \nAnna Keller\nCOO, Brightloop", null);
        assertEquals("See you Thursday.", s.body());
        assertEquals(List.of("--", "Anna Keller", "COO, Brightloop"), s.signatureLines());
    }

    @Test
    void closingAndNameStartTheSignatureWithoutDelimiter() {
        SignatureExtractor.Split s = SignatureExtractor.split(
                "Let's do it.\n\nBest regards,\nTom Baker\nHead of Sales\nGreyline Inc.\n+1 415 555 0132", "Tom Baker");
        assertEquals("Let's do it.", s.body());
        assertEquals("Best regards,", s.signatureLines().get(0));
    }

    @Test
    void mobileFooterIsASignature() {
        SignatureExtractor.Split s = SignatureExtractor.split("Ok\n\nSent from my iPhone", null);
        assertEquals("Ok", s.body());
        assertEquals("Sent from my iPhone", s.signature());
    }

    @Test
    void textWithoutSignatureIsLeftWhole() {
        SignatureExtractor.Split s = SignatureExtractor.split("Can we move the call to 3pm? The room is taken.", "Eve");
        assertNull(s.signature());
        assertEquals("Can we move the call to 3pm? The room is taken.", s.body());
    }

    @Test
    void signatureFieldsGiveTitleCompanyWebsiteAndE164Phones() {
        EmailAddress sender = EmailAddress.of("Tom Baker", "tom@greyline.com");
        SignatureFields.Fields f = SignatureFields.read(
                List.of("Tom Baker", "Head of Sales | Greyline Inc.", "Office: (415) 555-0132", "Mobile +44 7911 123456",
                        "https://greyline.com", "linkedin.com/in/tombaker"), "Tom Baker", sender);
        assertEquals("Head of Sales", f.title());
        assertEquals("Greyline Inc.", f.company());
        assertEquals("https://greyline.com", f.website());
        assertEquals(List.of("+14155550132", "+447911123456"), f.phones());
    }

    @Test
    void signaturePhonesUseTheSenderCountryWhenNoCountryCodeIsWritten() {
        EmailAddress sender = EmailAddress.of("Lena Fischer", "lena@kontorwerk.de");
        SignatureFields.Fields f = SignatureFields.read(List.of("Lena Fischer", "Geschäftsführer", "Kontorwerk GmbH",
                "Tel. 030 901820"), "Lena Fischer", sender);
        assertEquals(List.of("+4930901820"), f.phones());
        assertEquals("Kontorwerk GmbH", f.company());
    }
}
