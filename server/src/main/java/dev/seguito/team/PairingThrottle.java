package dev.seguito.team;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down guessing of pairing codes, the one secret {@code POST /pair} takes without a token. A code has 40 bits
 * and lives 72 hours: unthrottled, a few thousand guesses a second would find one of fifty open codes within its
 * life with a chance of a few percent. Only wrong codes count, in one-minute windows: a few per client address
 * (a person mistyping), and a ceiling for all addresses together, so that many addresses do not add up to a fast
 * guesser. At the ceiling, pairing waits a minute for everyone; that is the price of not being guessable.
 * Counted per process, like {@link dev.seguito.api.RateLimiter}.
 */
public final class PairingThrottle {

    public static final int WRONG_CODES_PER_ADDRESS = 10;
    public static final int WRONG_CODES_IN_ALL = 1_000;
    private static final String ALL = "";

    private final int perAddress;
    private final int inAll;
    private final Cache<String, AtomicInteger> wrong;

    public PairingThrottle() {
        this(WRONG_CODES_PER_ADDRESS, WRONG_CODES_IN_ALL, Ticker.systemTicker());
    }

    /** @param ticker the clock of the one-minute windows */
    PairingThrottle(int perAddress, int inAll, Ticker ticker) {
        this.perAddress = perAddress;
        this.inAll = inAll;
        // a window opens with its first wrong code and is not extended by the next ones (expire after write)
        this.wrong = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).ticker(ticker)
                .build();
    }

    /** Whether a code from {@code address} may be tried now. */
    public boolean allows(String address) {
        return count(address) < perAddress && count(ALL) < inAll;
    }

    /** A wrong, used or expired code came from {@code address}. */
    public void wrongCode(String address) {
        wrong.get(address, k -> new AtomicInteger()).incrementAndGet();
        wrong.get(ALL, k -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String key) {
        AtomicInteger n = wrong.getIfPresent(key);
        return n == null ? 0 : n.get();
    }
}
