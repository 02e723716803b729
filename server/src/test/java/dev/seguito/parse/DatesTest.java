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
    void garbageGivesNullNotAnException() {
        assertNull(Dates.parse("sometime last tuesday"));
        assertNull(Dates.parse(""));
        assertNull(Dates.parse(null));
    }
}
