package io.scoreline.sim.fault;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code --faults} setting, e.g. {@code 429:0.05,500:0.02,timeout:0.01,expire-token:300s,malformed:0.001}:
 * per-request probabilities of a throttling answer, a server error, no answer and a truncated body, an
 * optional access-token lifetime, and the probability that a Salesforce Bulk API query job fails
 * ({@code bulk-fail:1} fails every job).
 */
public record FaultSpec(
        double throttled,
        double serverError,
        double timeout,
        double malformed,
        Optional<Duration> tokenLifetime,
        double bulkJobFailure) {

    public static final FaultSpec NONE = new FaultSpec(0, 0, 0, 0, Optional.empty());

    public FaultSpec {
        double total = throttled + serverError + timeout + malformed;
        if (throttled < 0 || serverError < 0 || timeout < 0 || malformed < 0 || total > 1) {
            throw new IllegalArgumentException("fault probabilities must be >= 0 and add up to at most 1");
        }
        if (bulkJobFailure < 0 || bulkJobFailure > 1) {
            throw new IllegalArgumentException("the bulk job failure probability must be between 0 and 1");
        }
    }

    public FaultSpec(
            double throttled, double serverError, double timeout, double malformed, Optional<Duration> tokenLifetime) {
        this(throttled, serverError, timeout, malformed, tokenLifetime, 0);
    }

    /** @throws IllegalArgumentException with a message naming the bad entry */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        double throttled = 0;
        double serverError = 0;
        double timeout = 0;
        double malformed = 0;
        Optional<Duration> lifetime = Optional.empty();
        double bulkFailure = 0;
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("fault '" + entry + "' must be KIND:VALUE");
            }
            String kind = parts[0].trim().toLowerCase(Locale.ROOT);
            String value = parts[1].trim();
            switch (kind) {
                case "429" -> throttled = probability(entry, value);
                case "500" -> serverError = probability(entry, value);
                case "timeout" -> timeout = probability(entry, value);
                case "malformed" -> malformed = probability(entry, value);
                case "expire-token" -> lifetime = Optional.of(duration(entry, value));
                case "bulk-fail" -> bulkFailure = probability(entry, value);
                default ->
                    throw new IllegalArgumentException("unknown fault '" + kind
                            + "' (known: 429, 500, timeout, malformed, expire-token, bulk-fail)");
            }
        }
        return new FaultSpec(throttled, serverError, timeout, malformed, lifetime, bulkFailure);
    }

    public boolean injectsAny() {
        return throttled + serverError + timeout + malformed > 0;
    }

    private static double probability(String entry, String value) {
        try {
            double p = Double.parseDouble(value);
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("fault '" + entry + "': probability must be between 0 and 1");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + entry + "': '" + value + "' is not a probability", e);
        }
    }

    private static Duration duration(String entry, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2)));
            }
            if (lower.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            if (lower.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            if (lower.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(lower.substring(0, lower.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(lower));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + entry + "': '" + value + "' is not a duration like 300s", e);
        }
    }
}
