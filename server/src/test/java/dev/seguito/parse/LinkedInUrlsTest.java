package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LinkedInUrlsTest {
    @Test
    void countrySubdomainsQueriesAndSubpagesCollapseToOneCanonicalUrl() {
        String expected = "https://www.linkedin.com/in/jane-doe-42/";
        assertEquals(expected, LinkedInUrls.canonical("https://it.linkedin.com/in/Jane-Doe-42?trk=public_profile"));
        assertEquals(expected, LinkedInUrls.canonical("http://linkedin.com/in/jane-doe-42/overlay/contact-info/"));
        assertEquals(expected, LinkedInUrls.canonical("www.linkedin.com/in/jane-doe-42#experience"));
        assertEquals(expected, LinkedInUrls.canonical("/in/jane-doe-42/"));
    }

    @Test
    void percentEncodedAndUnicodeSlugsAreTheSameKey() {
        assertEquals(LinkedInUrls.canonical("https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/"),
                LinkedInUrls.canonical("https://www.linkedin.com/in/José-García"));
        assertEquals("jos%c3%a9-garc%c3%ada", LinkedInUrls.slug("https://www.linkedin.com/in/josé-garcía"));
    }

    @Test
    void nonProfileUrlsHaveNoCanonicalForm() {
        assertNull(LinkedInUrls.canonical("https://www.linkedin.com/company/acme/"));
        assertNull(LinkedInUrls.canonical("https://example.com/in/jane"));
        assertNull(LinkedInUrls.canonical(null));
    }

    @Test
    void companyPagesOfAnySubPageOrCountryAreOneSlug() {
        assertEquals("acme-robotics", LinkedInUrls.companySlug("https://it.linkedin.com/company/Acme-Robotics/about/?trk=x"));
        assertEquals("acme-robotics", LinkedInUrls.companySlug("/company/acme-robotics"));
        assertEquals("1234567", LinkedInUrls.companySlug("www.linkedin.com/company/1234567/people/"));
        assertEquals("https://www.linkedin.com/company/acme-robotics/", LinkedInUrls.ofCompanySlug("acme-robotics"));
        assertNull(LinkedInUrls.companySlug("https://www.linkedin.com/in/jane-doe/"));
        assertNull(LinkedInUrls.companySlug("https://example.com/company/acme"));
        assertNull(LinkedInUrls.companySlug(null));
    }
}
