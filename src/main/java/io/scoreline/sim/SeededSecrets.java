package io.scoreline.sim;

import io.scoreline.sim.data.SeedMixer;
import java.util.SplittableRandom;

/** Credentials that are the same for the same seed, so a restarted simulator accepts stored ones. */
final class SeededSecrets {

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SplittableRandom random;

    SeededSecrets(long seed, String purpose) {
        this.random = SeedMixer.random(seed, purpose.hashCode());
    }

    String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    String digits(int length) {
        StringBuilder text = new StringBuilder(length);
        text.append(1 + random.nextInt(9));
        for (int i = 1; i < length; i++) {
            text.append(random.nextInt(10));
        }
        return text.toString();
    }

    /** A version-4-shaped UUID string. */
    String uuid() {
        String hex = "0123456789abcdef";
        StringBuilder text = new StringBuilder(36);
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                text.append('-');
            }
            text.append(i == 12 ? '4' : hex.charAt(random.nextInt(16)));
        }
        return text.toString();
    }

    long number(long bound) {
        return random.nextLong(bound);
    }
}
