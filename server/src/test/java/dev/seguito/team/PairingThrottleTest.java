package dev.seguito.team;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PairingThrottleTest {

    private final AtomicLong nanos = new AtomicLong();
    private final PairingThrottle throttle = new PairingThrottle(3, 5, nanos::get);

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
    void theNextMinuteStartsAfresh() {
        wrong("10.0.0.1", 3);
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(throttle.allows("10.0.0.1")).isFalse();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }

    @Test
    void moreWrongCodesDoNotStretchTheWindow() {
        wrong("10.0.0.1", 3);
        nanos.addAndGet(Duration.ofSeconds(50).toNanos());
        wrong("10.0.0.1", 1);

        nanos.addAndGet(Duration.ofSeconds(11).toNanos());

        assertThat(throttle.allows("10.0.0.1")).isTrue();
    }

    private void wrong(String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.wrongCode(address);
        }
    }
}
