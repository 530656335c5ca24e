package io.scoreline.sim.salesforce;

import java.util.OptionalLong;

/**
 * Builds and reads 18-character Salesforce ids: key prefix, a two-character pod, a ten-digit base-62
 * number, and the three-character case-safe suffix. Digits are in ASCII order, so ids of one object
 * sort like their numbers.
 */
public final class SalesforceIds {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** The same digits as an array: {@link #of} runs several times for each row of a query page. */
    private static final char[] DIGIT_CHARS = DIGITS.toCharArray();

    private static final char[] SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".toCharArray();
    private static final String POD = "Sm";
    private static final int NUMBER_DIGITS = 10;

    private SalesforceIds() {}

    public static String of(String keyPrefix, long number) {
        if (number < 0) {
            throw new IllegalArgumentException("negative id number " + number);
        }
        // One char array instead of concatenations: ids are built for every row a query page renders.
        int digitsAt = keyPrefix.length() + POD.length();
        char[] id = new char[digitsAt + NUMBER_DIGITS + 3];
        keyPrefix.getChars(0, keyPrefix.length(), id, 0);
        POD.getChars(0, POD.length(), id, keyPrefix.length());
        long rest = number;
        for (int i = digitsAt + NUMBER_DIGITS - 1; i >= digitsAt; i--) {
            id[i] = DIGIT_CHARS[(int) (rest % 62)];
            rest /= 62;
        }
        for (int chunk = 0; chunk < 3; chunk++) {
            id[id.length - 3 + chunk] = suffixChar(id, chunk);
        }
        return new String(id);
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
        return id.length() == 18 && !id.equals(of(keyPrefix, number)) ? OptionalLong.empty() : OptionalLong.of(number);
    }

    /** Each suffix character encodes which of five id characters are upper-case letters. */
    static String suffix(String id15) {
        char[] id = id15.toCharArray();
        return new String(new char[] {suffixChar(id, 0), suffixChar(id, 1), suffixChar(id, 2)});
    }

    private static char suffixChar(char[] id, int chunk) {
        int bits = 0;
        for (int i = 0; i < 5; i++) {
            char c = id[chunk * 5 + i];
            if (c >= 'A' && c <= 'Z') {
                bits |= 1 << i;
            }
        }
        return SUFFIX_CHARS[bits];
    }
}
