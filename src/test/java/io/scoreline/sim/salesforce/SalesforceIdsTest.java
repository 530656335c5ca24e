package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void suffixEncodesUpperCasePositions() {
        assertThat(SalesforceIds.suffix("001A0000006Vm9r")).isEqualTo("IAC");
    }

    @Test
    void idsArePrefixPodTenBase62DigitsAndTheCaseSuffix() {
        SplittableRandom random = new SplittableRandom(3);
        for (String prefix : List.of("005", "00T", "00U", "006", "01g", "750", "00D", "04l")) {
            for (int i = 0; i < 20_000; i++) {
                long number = i < 1000 ? i : random.nextLong(62L * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62 * 62);
                String id15 = prefix + "Sm" + base62(number);

                assertThat(SalesforceIds.of(prefix, number)).isEqualTo(id15 + suffix(id15));
            }
        }
    }

    @Test
    void idsRoundTripAndSortLikeTheirNumbers() {
        String small = SalesforceIds.of("00T", 61);
        String large = SalesforceIds.of("00T", 62);

        assertThat(small).hasSize(18).startsWith("00TSm");
        assertThat(SalesforceIds.number(large, "00T")).hasValue(62);
        assertThat(SalesforceIds.number(large.substring(0, 15), "00T")).hasValue(62);
        assertThat(small).isLessThan(large);
        assertThat(SalesforceIds.number(large, "006")).isEmpty();
        assertThat(SalesforceIds.number(large.substring(0, 15) + "AAA", "00T")).isEmpty();
    }

    private static String base62(long number) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder text = new StringBuilder();
        long rest = number;
        for (int i = 0; i < 10; i++) {
            text.insert(0, digits.charAt((int) (rest % 62)));
            rest /= 62;
        }
        return text.toString();
    }

    /** The suffix as Salesforce documents it, one upper-case bit per character, five to a suffix character. */
    private static String suffix(String id15) {
        StringBuilder suffix = new StringBuilder();
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                bits |= Character.isUpperCase(id15.charAt(chunk * 5 + i)) ? 1 << i : 0;
            }
            suffix.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".charAt(bits));
        }
        return suffix.toString();
    }
}
