package io.scoreline.sim.data;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from a seed and a record's coordinates, so any
 * record can be regenerated on its own without generating the ones before it.
 */
public final class SeedMixer {

    private SeedMixer() {}

    /** SplitMix64 finaliser folded over every part: small input changes scatter over all 64 bits. */
    public static long mix(long seed, long... parts) {
        long h = scramble(seed ^ 0x9E3779B97F4A7C15L);
        for (long part : parts) {
            h = scramble(h ^ scramble(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    public static SplittableRandom random(long seed, long... parts) {
        return new SplittableRandom(mix(seed, parts));
    }

    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
