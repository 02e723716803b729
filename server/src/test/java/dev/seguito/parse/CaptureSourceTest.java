package dev.seguito.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CaptureSourceTest {
    @Test
    void wireNamesRoundTrip() {
        for (CaptureSource s : CaptureSource.values()) assertEquals(s, CaptureSource.fromWire(s.wire()));
        assertEquals("linkedin_profile", CaptureSource.LINKEDIN_PROFILE.wire());
        assertEquals(CaptureSource.OUTLOOK_THREAD, CaptureSource.fromWire("outlook_thread"));
    }

    @Test
    void unknownWireNameIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CaptureSource.fromWire("facebook"));
        assertThrows(IllegalArgumentException.class, () -> CaptureSource.fromWire(null));
    }

    @Test
    void parserBugsSurfaceAsUnparseableNotAsRuntimeExceptions() {
        CaptureRejectedException e = assertThrows(CaptureRejectedException.class,
                () -> CaptureParsers.parse(CaptureSource.GMAIL_THREAD, "", null));
        assertEquals("unparseable", e.code());
    }
}
