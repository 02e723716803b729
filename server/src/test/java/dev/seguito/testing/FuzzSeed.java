package dev.seguito.testing;

/**
 * The seed of every fuzz test. Fixed by default, so that CI is the same on every run (a random seed once failed a CI
 * run on an old bug that the commit under test had not touched); {@code -Dseguito.fuzz.seed=random} explores, any
 * number replays.
 */
public final class FuzzSeed {

    public static final long SEED = seed(System.getProperty("seguito.fuzz.seed", "20261124"));

    private FuzzSeed() {
    }

    private static long seed(String value) {
        return "random".equals(value) ? System.nanoTime() : Long.parseLong(value);
    }

    /** The line a fuzz test prints first, so that a failed run can be replayed. */
    public static String announce(String test) {
        return test + " seed: " + SEED + " (rerun with -Dseguito.fuzz.seed=" + SEED + ")";
    }
}
