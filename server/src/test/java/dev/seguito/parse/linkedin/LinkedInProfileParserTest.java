package dev.seguito.parse.linkedin;

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
import dev.seguito.parse.ParsedPerson;
import org.junit.jupiter.api.Test;

class LinkedInProfileParserTest {
    private static ParsedPerson parse(String fixture, String url) throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, Fixtures.load("linkedin/" + fixture), url).people().get(0);
    }

    private static CaptureRejectedException rejected(String fixture, String url) {
        return assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, Fixtures.load("linkedin/" + fixture), url));
    }

    @Test
    void publicProfileJsonLdGivesCurrentPositionLocationAndCanonicalUrl() throws Exception {
        ParsedPerson p = parse("public_profile.html", null);
        assertEquals("Giulia Ferretti", p.fullName());
        assertEquals("Giulia", p.firstName());
        assertEquals("Ferretti", p.lastName());
        assertEquals("Head of Partnerships", p.title());
        assertEquals("Lumenvia", p.company(), "the ended Orbitale role must not win");
        assertEquals("Milan, Lombardy, Italy", p.location());
        assertEquals("https://www.linkedin.com/in/giulia-ferretti-4b2a19/", p.linkedinUrl());
        assertEquals("giulia-ferretti-4b2a19", p.linkedinSlug());
        assertEquals("Head of Partnerships at Lumenvia | B2B SaaS ecosystems", p.headline());
        assertTrue(p.photoUrl().startsWith("https://media.licdn.com/"));
        assertNull(p.connectionDegree());
        assertTrue(p.confidence().get("fullName") >= 0.9);
    }

    @Test
    void aboutKeepsLineBreaksButNoMarkup() throws Exception {
        ParsedPerson p = parse("public_profile.html", null);
        assertEquals("I build partner ecosystems for B2B software.\n\nPreviously at Orbitale. Always happy to talk channels.", p.about());
    }

    @Test
    void loggedInHeadlessPageIgnoresTheViewersOwnEmbeddedProfile() throws Exception {
        ParsedPerson p = parse("loggedin_headless.html", null);
        assertEquals("Tomás Ortega Ruiz", p.fullName());
        assertEquals("Tomás", p.firstName());
        assertEquals("Ortega Ruiz", p.lastName());
        assertEquals("VP Engineering · Kelpie Robotics", p.headline());
        assertEquals("https://www.linkedin.com/in/tomas-ortega-ruiz/", p.linkedinUrl());
        assertEquals(2, p.connectionDegree());
        assertEquals("Valencia, Valencian Community, Spain", p.location());
        assertTrue(p.photoUrl().contains("D4D03AQtarget"));
    }

    @Test
    void groupedExperienceGivesCompanyFromGroupAndTitleFromFirstRole() throws Exception {
        ParsedPerson p = parse("loggedin_headless.html", null);
        assertEquals("VP Engineering", p.title());
        assertEquals("Kelpie Robotics", p.company());
    }

    @Test
    void embeddedJsonIsUsedWhenItMatchesThePageSlug() throws Exception {
        ParsedPerson p = parse("loggedin_headless.html", "https://www.linkedin.com/in/tomas-ortega-ruiz/");
        assertEquals("Robots that clean hulls.", p.about());
        assertFalse(p.headline().contains("Seguito"), "the viewer's headline must not leak in");
    }

    @Test
    void openContactInfoOverlayGivesEmailPhoneAndWebsite() throws Exception {
        ParsedPerson p = parse("loggedin_headless.html", null);
        assertEquals(java.util.List.of("tomas.ortega@kelpie-robotics.example"), p.emails());
        assertEquals(java.util.List.of("+34612345678"), p.phones());
        assertEquals("https://kelpie-robotics.example", p.website());
    }

    @Test
    void aProfileReadInItalianGivesItsContactInfoAndReadsANationalNumberInTheProfilesCountry() throws Exception {
        ParsedPerson p = parse("loggedin_italian.html", null);

        assertEquals("Chiara Colombo", p.fullName());
        assertEquals("Direttrice tecnica", p.title());
        assertEquals("Fonderie Brianza", p.company());
        assertEquals("Monza, Lombardia, Italia", p.location());
        assertEquals(1, p.connectionDegree());
        assertEquals(java.util.List.of("chiara.colombo@fonderie-brianza.example"), p.emails());
        assertEquals(java.util.List.of("+393331234567"), p.phones(), "\"333 123 4567\" under \"Telefono\", in Italy");
        assertEquals("https://fonderie-brianza.example", p.website());
        assertEquals("https://www.linkedin.com/in/chiara-colombo-7/", p.linkedinUrl());
    }

    @Test
    void theEmploymentTypeAfterTheCompanyIsDroppedInTheLanguageTheProfileIsReadIn() throws Exception {
        String page = Fixtures.load("linkedin/main_only.html");
        for (String type : new String[]{"Full-time", "Tempo parziale", "Teilzeit", "Temps plein", "Jornada completa",
                "Tempo integral", "Zelfstandig"}) {
            ParsedPerson p = CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE,
                    page.replace("Nordlys Energi AS · Full-time", "Nordlys Energi AS · " + type),
                    "https://www.linkedin.com/in/ingrid-holm-a1/").people().get(0);
            assertEquals("Nordlys Energi AS", p.company(), type);
        }
    }

    @Test
    void mainOnlyCaptureStillGivesNameTitleCompanyAndDegree() throws Exception {
        ParsedPerson p = parse("main_only.html", "https://www.linkedin.com/in/ingrid-holm-a1/?originalSubdomain=no");
        assertEquals("Ingrid Holm", p.fullName(), "credentials are not part of the name");
        assertEquals("Head of Procurement", p.title());
        assertEquals("Nordlys Energi AS", p.company());
        assertEquals(1, p.connectionDegree());
        assertEquals("https://www.linkedin.com/in/ingrid-holm-a1/", p.linkedinUrl());
    }

    @Test
    void titleAndOpenGraphAreTheLastResort() throws Exception {
        ParsedPerson p = parse("title_only.html", null);
        assertEquals("Priya Raman", p.fullName());
        assertEquals("Staff Data Scientist", p.title());
        assertEquals("Quillfort", p.company());
        assertEquals("https://www.linkedin.com/in/priya-raman-ds/", p.linkedinUrl());
        assertTrue(p.confidence().get("title") < 0.7);
    }

    @Test
    void loginWallIsRejectedAsNotAProfile() {
        CaptureRejectedException e = rejected("authwall.html", "https://www.linkedin.com/authwall?trk=x");
        assertEquals("not_a_profile", e.code());
        CaptureRejectedException noUrl = rejected("authwall.html", null);
        assertEquals("not_a_profile", noUrl.code());
        assertTrue(noUrl.getMessage().contains("sign-in"));
    }

    @Test
    void profileNotFoundIsRejectedEvenWithNamesInTheSidebar() {
        CaptureRejectedException e = rejected("not_found.html", "https://www.linkedin.com/in/ghost-person/");
        assertEquals("not_a_profile", e.code());
        assertTrue(e.getMessage().toLowerCase().contains("not found"));
    }

    @Test
    void blockInterstitialWithoutNameIsRejected() {
        assertEquals("not_a_profile", rejected("interstitial.html", null).code());
    }

    @Test
    void companyPageIsNotAProfile() {
        assertEquals("not_a_profile", rejected("public_profile.html", "https://www.linkedin.com/company/lumenvia/").code());
    }

    @Test
    void emptyCaptureIsUnparseable() {
        CaptureRejectedException e = assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, "  ", null));
        assertEquals("unparseable", e.code());
    }

    @Test
    void hugeFieldsAreCappedAndNeverContainHtml() throws Exception {
        String about = "<b>word</b> ".repeat(5000);
        String html = "<main><h1 class=\"text-heading-xlarge\">" + "Ann<i>a</i> ".repeat(200) + "</h1>"
                + "<section><div id=\"about\"></div><div class=\"inline-show-more-text\"><span aria-hidden=\"true\">" + about
                + "</span></div></section></main>";
        ParsedPerson p = CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, html, "https://www.linkedin.com/in/anna/").people().get(0);
        assertNotNull(p.fullName());
        assertTrue(p.fullName().length() <= 500);
        assertTrue(p.about().length() <= 4000);
        assertFalse(p.about().contains("<"));
    }
}
