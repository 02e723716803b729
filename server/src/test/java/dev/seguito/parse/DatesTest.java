package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DatesTest {
    @Test
    void mailAndWebmailFormatsAreRead() {
        assertEquals(Instant.parse("2025-11-03T09:12:00Z"), Dates.parse("Mon, Nov 3, 2025, 9:12 AM"));
        assertEquals(Instant.parse("2025-11-04T16:47:00Z"), Dates.parse("Tue, Nov 4, 2025, 4:47\u202FPM"));
        assertEquals(Instant.parse("2025-11-07T15:25:00Z"), Dates.parse("Fri 11/7/2025 3:25 PM"));
        assertEquals(Instant.parse("2025-11-06T18:10:00Z"), Dates.parse("Thursday, November 6, 2025 6:10 PM"));
        assertEquals(Instant.parse("2012-04-02T14:22:10Z"), Dates.parse("Mon, 2 Apr 2012 18:22:10 +0400"));
        assertEquals(Instant.parse("2012-04-02T13:57:58Z"), Dates.parse("Mon, 2 Apr 2012 09:57:58 -0400 (EDT)"));
    }

    @Test
    void webmailInOtherLanguagesIsReadDayFirst() {
        Instant nineOFive = Instant.parse("2025-12-01T09:05:00Z");
        for (String shown : new String[]{
                "lun 1 dic 2025, 09:05",                    // Gmail, Italian
                "lunedì 1 dicembre 2025 09:05",             // Outlook on the web, Italian
                "Inviato: lunedì 1 dicembre 2025 09:05",    // a quoted Outlook header, Italian
                "Mo., 1. Dez. 2025, 09:05",                 // Gmail, German
                "Montag, 1. Dezember 2025 um 09:05",        // German, long
                "lun. 1 déc. 2025, 09:05",                  // Gmail, French
                "lundi 1 décembre 2025 à 09h05",            // French, long
                "lun, 1 dic 2025, 9:05",                    // Gmail, Spanish
                "1 de diciembre de 2025, 9:05",             // Spanish, long
                "seg., 1 de dez. de 2025, 09:05",           // Gmail, Portuguese
                "ma 1 dec. 2025 09:05",                     // Gmail, Dutch
                "lun 01/12/2025 09:05",                     // Outlook on the web, Italian, numeric
                "Mo. 01.12.2025 09:05",                     // Outlook on the web, German, numeric
        }) {
            assertEquals(nineOFive, Dates.parse(shown), shown);
        }
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), Dates.parse("5 marzo 2026"));
        assertEquals(Instant.parse("2026-03-05T00:00:00Z"), Dates.parse("5. März 2026"));
    }

    @Test
    void aNumericDateWithoutAWeekdayOfThoseLanguagesStaysMonthFirst() {
        assertEquals(Instant.parse("2025-01-12T09:05:00Z"), Dates.parse("1/12/2025 9:05"), "American order, as before");
        assertNull(Dates.parse("31 dicembruary 2025 09:05"), "an unknown month is no date");
        assertNull(Dates.parse("lun 31 feb 2025 09:05"), "nor a day the month does not have");
    }

    @Test
    void garbageGivesNullNotAnException() {
        assertNull(Dates.parse("sometime last tuesday"));
        assertNull(Dates.parse(""));
        assertNull(Dates.parse(null));
    }
}
