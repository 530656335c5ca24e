package io.scoreline.mappings.check;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The numbers a derived KPI's options are written with: plain decimals only. An exponent
 * ({@code 1e999999999}) would be a valid BigDecimal whose canonical text is a billion digits,
 * so it is not a number here; nor is anything a person would not type as a weight or a cap.
 */
final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,12})?");

    private DecimalText() {}

    /** The number, normalized so that {@code 10}, {@code 10.0} and {@code 010} are one value; empty when not a plain decimal. */
    static Optional<BigDecimal> parse(String text) {
        var stripped = text.strip();
        if (!DECIMAL.matcher(stripped).matches()) {
            return Optional.empty();
        }
        return Optional.of(normalized(new BigDecimal(stripped)));
    }

    static BigDecimal normalized(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** How the canonical document writes a number: plain, without trailing zeros. */
    static String of(BigDecimal value) {
        return normalized(value).toPlainString();
    }
}
