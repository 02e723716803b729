package dev.seguito.parse.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seguito.parse.CaptureParsers;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.Fixtures;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedCompany;
import org.junit.jupiter.api.Test;

class LinkedInCompanyParserTest {
    private static ParsedCapture capture(String fixture, String url) throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.LINKEDIN_COMPANY, Fixtures.load("linkedin/" + fixture), url);
    }

    private static ParsedCompany parse(String fixture, String url) throws CaptureRejectedException {
        return capture(fixture, url).company();
    }

    private static CaptureRejectedException rejected(String html, String url) {
        return assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.LINKEDIN_COMPANY, html, url));
    }

    @Test
    void publicPageGivesIndustryAndSizeFromItsAboutSection() throws Exception {
        ParsedCapture parsed = capture("company_public.html", null);
        ParsedCompany c = parsed.company();
        assertEquals("Brembo Valves", c.name());
        assertEquals("brembo-valves", c.linkedinSlug(), "read from the canonical link when no pageUrl is given");
        assertEquals("Industrial Machinery Manufacturing", c.industry());
        assertEquals("51-200", c.sizeBand(), "the page's own band, not the 1,001-5,000 of a similar page");
        assertTrue(parsed.people().isEmpty() && parsed.messages().isEmpty(), "a company page creates no contact");
        assertTrue(parsed.warnings().isEmpty(), parsed.warnings().toString());
    }

    @Test
    void loggedInAboutTabGivesIndustryUnderItsHeadingAndSizeAsABand() throws Exception {
        ParsedCompany c = parse("company_loggedin_about.html", "https://www.linkedin.com/company/Nordlicht-Software/about/");
        assertEquals("Nordlicht Software", c.name());
        assertEquals("nordlicht-software", c.linkedinSlug());
        assertEquals("Software Development", c.industry());
        assertEquals("201-500", c.sizeBand(), "\"318 associated members\" is not the band; \"10-20 other things\" neither");
    }

    @Test
    void loggedInTopCardInItalianGivesItsFirstInfoItemAndADottedBand() throws Exception {
        ParsedCompany c = parse("company_loggedin_italian.html", "https://it.linkedin.com/company/fonderie-brianza");
        assertEquals("Fonderie Brianza S.r.l.", c.name());
        assertEquals("Fabbricazione di prodotti in metallo", c.industry());
        assertEquals("1001-5000", c.sizeBand(), "1.001-5.000 dipendenti");
    }

    @Test
    void withoutAPrintedBandTheSizeComesFromTheMembersOnLinkedIn() throws Exception {
        String html = Fixtures.load("linkedin/company_public.html")
                .replace("<dd class=\"font-sans text-sm text-color-text-low-emphasis\">51-200 employees</dd>", "");
        ParsedCapture parsed = CaptureParsers.parse(CaptureSource.LINKEDIN_COMPANY, html, null);
        assertEquals("51-200", parsed.company().sizeBand(), "142 members on LinkedIn");
        assertTrue(parsed.warnings().stream().anyMatch(w -> w.contains("142 members")), parsed.warnings().toString());
    }

    @Test
    void aPageWithoutIndustryOrSizeIsStillACompanyWithWarnings() throws Exception {
        String html = "<html><head><title>Tiny Co | LinkedIn</title></head><body><main>"
                + "<h1 class=\"org-top-card-summary__title\">Tiny Co</h1></main></body></html>";
        ParsedCapture parsed = CaptureParsers.parse(CaptureSource.LINKEDIN_COMPANY, html, "https://www.linkedin.com/company/tiny-co/");
        assertEquals("Tiny Co", parsed.company().name());
        assertNull(parsed.company().industry());
        assertNull(parsed.company().sizeBand());
        assertEquals(2, parsed.warnings().size(), parsed.warnings().toString());
    }

    @Test
    void aProfileOrTheSignInWallIsNotACompany() {
        assertEquals(CaptureRejectedException.NOT_A_COMPANY, rejected(Fixtures.load("linkedin/public_profile.html"),
                "https://www.linkedin.com/in/giulia-ferretti-4b2a19/").code());
        assertEquals(CaptureRejectedException.NOT_A_COMPANY, rejected(Fixtures.load("linkedin/public_profile.html"),
                null).code(), "a person's page named only by its title is no company");
        assertEquals(CaptureRejectedException.NOT_A_COMPANY, rejected(Fixtures.load("linkedin/authwall.html"),
                "https://www.linkedin.com/company/brembo-valves/").code());
        assertEquals(CaptureRejectedException.NOT_A_COMPANY, rejected(
                "<html><head><title>Page not found | LinkedIn</title></head><body><h1>Page not found</h1></body></html>",
                "https://www.linkedin.com/company/gone-co/").code());
        assertEquals(CaptureRejectedException.UNPARSEABLE, rejected(" ", null).code());
    }

    @Test
    void sizeBandsAreLinkedInsBandsInAnyNotation() {
        assertEquals("10001+", CompanySizeBands.of("10,001+ employees"));
        assertEquals("10001+", CompanySizeBands.of("10 001+ salariés"));
        assertEquals("5001-10000", CompanySizeBands.of("5.001–10.000 Beschäftigte"));
        assertEquals("501-1000", CompanySizeBands.of("501-1,000 employees"));
        assertEquals("2-10", CompanySizeBands.of("2-10 empleados"));
        assertEquals("0-1", CompanySizeBands.of("0-1 employees"));
        assertNull(CompanySizeBands.of("24-7 support"), "not a band LinkedIn has");
        assertNull(CompanySizeBands.of("318 associated members"));
        assertNull(CompanySizeBands.of("Scheduling, 10-20 things"));
        assertEquals("51-200", CompanySizeBands.containing(142));
        assertEquals("10001+", CompanySizeBands.containing(250_000));
        assertEquals("0-1", CompanySizeBands.containing(0));
    }
}
