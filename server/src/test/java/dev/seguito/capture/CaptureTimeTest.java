package dev.seguito.capture;

import dev.seguito.api.ApiError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a capture was made, on the server's clock ({@link CaptureRequest#capturedAt}). */
class CaptureTimeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void aBrowserClockThatRunsLateIsCorrectedByWhenItSentTheCapture() {
        // the browser's clock is 3 hours behind; the capture waited 2 hours in its offline queue
        String capturedAt = "2026-12-07T03:00:00Z";
        String sentAt = "2026-12-07T05:00:00Z";

        assertThat(CaptureRequest.capturedAt(capturedAt, sentAt, NOW)).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(CaptureRequest.capturedAt(capturedAt, null, NOW)).as("without sentAt, as the browser said")
                .isEqualTo(Instant.parse(capturedAt));
    }

    @Test
    void aCaptureNeverSeemsMadeAfterItArrived() {
        assertThat(CaptureRequest.capturedAt("2026-12-07T11:00:00Z", "2026-12-07T10:59:00Z", NOW)).isEqualTo(NOW);
        assertThat(CaptureRequest.capturedAt("2026-12-07T10:05:00Z", "2026-12-07T10:00:00Z", NOW))
                .as("captured after it was sent: the clock jumped").isEqualTo(NOW);
        assertThat(CaptureRequest.capturedAt("2026-12-09T10:00:00Z", null, NOW)).as("more than a day ahead").isEqualTo(NOW);
        assertThat(CaptureRequest.capturedAt(null, null, NOW)).isEqualTo(NOW);
    }

    @Test
    void anAgeOfMoreThanTenYearsKeepsTheTimeTheBrowserGave() {
        assertThat(CaptureRequest.capturedAt("1990-01-01T00:00:00Z", "2026-12-07T09:59:00Z", NOW))
                .isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
    }

    @Test
    void aTimeThatIsNotOneOrOutOfRangeIsA400NamingTheField() {
        assertThatThrownBy(() -> CaptureRequest.capturedAt("soon", null, NOW)).isInstanceOf(ApiError.class)
                .hasMessageContaining("\"capturedAt\" must be an ISO-8601 date-time");
        assertThatThrownBy(() -> CaptureRequest.capturedAt("2026-12-07T09:00:00Z", "later", NOW))
                .hasMessageContaining("\"sentAt\" must be an ISO-8601 date-time");
        assertThatThrownBy(() -> CaptureRequest.capturedAt("-5000-01-01T00:00:00Z", null, NOW))
                .hasMessageContaining("between 1970 and 9999");
        assertThatThrownBy(() -> CaptureRequest.capturedAt("+20000-01-01T00:00:00Z", null, NOW))
                .hasMessageContaining("between 1970 and 9999");
    }
}
