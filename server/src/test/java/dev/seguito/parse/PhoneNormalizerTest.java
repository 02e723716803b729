package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {
    @Test
    void numbersWithoutCountryCodeUseTheDefaultRegion() {
        assertEquals(List.of("+390212345678"), PhoneNormalizer.findAll("Tel. 02 1234 5678", "IT"));
        assertEquals(List.of("+14155550132"), PhoneNormalizer.findAll("cell (415) 555-0132", "US"));
    }

    @Test
    void internationalNumbersIgnoreTheDefaultRegion() {
        assertEquals(List.of("+447911123456"), PhoneNormalizer.findAll("M: +44 7911 123456", "US"));
    }

    @Test
    void faxLinesAreSkipped() {
        assertEquals(List.of("+390212345678"), PhoneNormalizer.findAll("T 02 1234 5678\nFax: 02 1234 5679", "IT"));
    }

    @Test
    void countryTldGivesTheRegionAndGenericTldsGiveNone() {
        assertEquals("GB", PhoneNormalizer.regionForDomain("acme.co.uk"));
        assertEquals("DE", PhoneNormalizer.regionForDomain("https://www.brightloop.de/team"));
        assertNull(PhoneNormalizer.regionForDomain("acme.com"));
        assertNull(PhoneNormalizer.regionForDomain("acme.io"));
    }

    @Test
    void aLegalFormThatNamesOneCountryGivesItsRegion() {
        assertEquals("IT", PhoneNormalizer.regionForLegalForm("Officine Lario S.r.l."));
        assertEquals("IT", PhoneNormalizer.regionForLegalForm("Fabbrica Nord SpA"));
        assertEquals("DE", PhoneNormalizer.regionForLegalForm("Brightloop GmbH & Co. KG"));
        assertEquals("FR", PhoneNormalizer.regionForLegalForm("Verrier SARL"));
        assertEquals("ES", PhoneNormalizer.regionForLegalForm("Aceros del Norte, S.L."));
        assertEquals("NL", PhoneNormalizer.regionForLegalForm("Fjord Logistics B.V."));
        assertEquals("GB", PhoneNormalizer.regionForLegalForm("Harbour Tools Ltd"));
        assertNull(PhoneNormalizer.regionForLegalForm("Acme Corporation"));
        assertNull(PhoneNormalizer.regionForLegalForm("Day Spa")); // a word, not "S.p.A."
        assertNull(PhoneNormalizer.regionForLegalForm("Verrier SA")); // S.A. is a form in many countries
        assertNull(PhoneNormalizer.regionForLegalForm(null));
    }

    @Test
    void invalidNumbersNormaliseToNull() {
        assertNull(PhoneNormalizer.normalize("12", "US"));
        assertEquals("+4930901820", PhoneNormalizer.normalize("030 901820", "DE"));
    }

    @Test
    void aLinkedInLocationNamesItsCountryInTheLanguagesItIsWrittenIn() {
        org.assertj.core.api.Assertions.assertThat(java.util.Arrays.asList(
                        PhoneNormalizer.regionForLocation("Milan, Lombardy, Italy"),
                        PhoneNormalizer.regionForLocation("Monza, Lombardia, Italia"),
                        PhoneNormalizer.regionForLocation("Valencia, Comunidad Valenciana, España"),
                        PhoneNormalizer.regionForLocation("München, Bayern, Deutschland"),
                        PhoneNormalizer.regionForLocation("Lyon, Auvergne-Rhône-Alpes, France"),
                        PhoneNormalizer.regionForLocation("Austin, Texas, United States"),
                        PhoneNormalizer.regionForLocation("Leeds, England, United Kingdom"),
                        PhoneNormalizer.regionForLocation("San Francisco Bay Area"),
                        PhoneNormalizer.regionForLocation(null)))
                .containsExactly("IT", "IT", "ES", "DE", "FR", "US", "GB", null, null);
    }
}
