package io.scoreline.sim.salesforce;

import java.util.OptionalLong;

/**
 * Builds and reads 18-character Salesforce ids: key prefix, a two-character pod, a ten-digit base-62
 * number, and the three-character case-safe suffix. Digits are in ASCII order, so ids of one object
 * sort like their numbers.
 */
public final class SalesforceIds {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final String POD = "Sm";
    private static final int NUMBER_DIGITS = 10;

    private SalesforceIds() {
    }

    public static String of(String keyPrefix, long number) {
        if (number < 0) {
            throw new IllegalArgumentException("negative id number " + number);
        }
        char[] digits = new char[NUMBER_DIGITS];
        long rest = number;
        for (int i = NUMBER_DIGITS - 1; i >= 0; i--) {
            digits[i] = DIGITS.charAt((int) (rest % 62));
            rest /= 62;
        }
        String id15 = keyPrefix + POD + new String(digits);
        return id15 + suffix(id15);
    }

    /** The number inside an id of the given prefix, or empty if the id is not one of ours. */
    public static OptionalLong number(String id, String keyPrefix) {
        if (id == null || (id.length() != 15 && id.length() != 18) || !id.startsWith(keyPrefix + POD)) {
            return OptionalLong.empty();
        }
        long number = 0;
        for (int i = 5; i < 15; i++) {
            int digit = DIGITS.indexOf(id.charAt(i));
            if (digit < 0) {
                return OptionalLong.empty();
            }
            number = number * 62 + digit;
        }
        return id.length() == 18 && !id.equals(of(keyPrefix, number)) ? OptionalLong.empty()
                : OptionalLong.of(number);
    }

    /** Each suffix character encodes which of five id characters are upper-case letters. */
    static String suffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_CHARS.charAt(bits));
        }
        return suffix.toString();
    }
}
