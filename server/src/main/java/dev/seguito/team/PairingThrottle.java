package dev.seguito.team;

import dev.seguito.db.SharedWindows;

/**
 * Slows down guessing of pairing codes, the one secret {@code POST /pair} takes without a token. A code has 40 bits
 * and lives 72 hours: unthrottled, a few thousand guesses a second would find one of fifty open codes within its
 * life with a chance of a few percent. Only wrong codes count, in one-minute windows of the clock: a few per client
 * address (a person mistyping), and a ceiling for all addresses together, so that many addresses do not add up to a
 * fast guesser. At the ceiling, pairing waits until the minute ends for everyone; that is the price of not being
 * guessable. Counted in {@link SharedWindows}, so a guesser gains nothing by reaching several server processes.
 */
public final class PairingThrottle {

    public static final int WRONG_CODES_PER_ADDRESS = 10;
    public static final int WRONG_CODES_IN_ALL = 1_000;
    private static final String ALL = "pair:*";

    private final int perAddress;
    private final int inAll;
    private final SharedWindows windows;

    public PairingThrottle(SharedWindows windows) {
        this(WRONG_CODES_PER_ADDRESS, WRONG_CODES_IN_ALL, windows);
    }

    PairingThrottle(int perAddress, int inAll, SharedWindows windows) {
        this.perAddress = perAddress;
        this.inAll = inAll;
        this.windows = windows;
    }

    /** Whether a code from {@code address} may be tried now. */
    public boolean allows(String address) {
        return windows.count(key(address)) < perAddress && windows.count(ALL) < inAll;
    }

    /** A wrong, used or expired code came from {@code address}. */
    public void wrongCode(String address) {
        windows.add(key(address));
        windows.add(ALL);
    }

    /** Seconds until a held-back client may try again. */
    public long secondsLeft() {
        return windows.secondsLeft();
    }

    private static String key(String address) {
        return "pair:" + address;
    }
}
