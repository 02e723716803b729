package dev.seguito.team;

import dev.seguito.db.SharedWindows;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PairingThrottleTest {

    /** The start of a minute of the clock. */
    private final AtomicLong millis = new AtomicLong(Duration.ofDays(20_000).toMillis());
    private final PairingThrottle throttle = new PairingThrottle(3, 5, new SharedWindows(millis::get));

    @Test
    void anAddressIsHeldBackAfterItsWrongCodesAndOthersAreNot() {
        wrong("10.0.0.1", 3);

        assertThat(throttle.allows("10.0.0.1")).isFalse();
        assertThat(throttle.allows("10.0.0.2")).isTrue();
    }

    @Test
    void manyAddressesTogetherReachTheCeilingForEveryone() {
        wrong("10.0.0.1", 2);
        wrong("10.0.0.2", 2);
        assertThat(throttle.allows("10.0.0.3")).as("4 wrong codes in all, under the ceiling of 5").isTrue();

        wrong("10.0.0.4", 1);

        assertThat(throttle.allows("10.0.0.3")).as("a fresh address, but the ceiling is reached").isFalse();
    }

    @Test
    void theNextMinuteStartsAfreshAndAHeldBackClientIsToldWhenItComes() {
        millis.addAndGet(Duration.ofSeconds(15).toMillis());
        wrong("10.0.0.1", 3);
        millis.addAndGet(Duration.ofSeconds(44).toMillis());
        assertThat(throttle.allows("10.0.0.1")).isFalse();
        assertThat(throttle.secondsLeft()).isEqualTo(1);

        millis.addAndGet(Duration.ofSeconds(2).toMillis());

        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }

    @Test
    void wrongCodesLateInAMinuteDoNotCarryIntoTheNext() {
        wrong("10.0.0.1", 2);
        millis.addAndGet(Duration.ofSeconds(59).toMillis());
        wrong("10.0.0.1", 1);
        assertThat(throttle.allows("10.0.0.1")).isFalse();

        millis.addAndGet(Duration.ofSeconds(1).toMillis());

        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }

    private void wrong(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.wrongCode(address);
        }
    }
}
