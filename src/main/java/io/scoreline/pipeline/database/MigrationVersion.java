package io.scoreline.pipeline.database;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * A versioned migration's number as Flyway orders it: numeric parts separated by dots or
 * underscores, compared part by part ({@code 2 < 10}, {@code 1.1 < 1.2}).
 */
public record MigrationVersion(List<BigInteger> parts) implements Comparable<MigrationVersion> {

    public MigrationVersion {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a migration version has at least one part");
        }
    }

    /** Parses {@code "34"} or {@code "1.2"}; throws NumberFormatException for anything else. */
    public static MigrationVersion parse(String text) {
        return new MigrationVersion(
                Arrays.stream(text.split("[._]", -1)).map(BigInteger::new).toList());
    }

    @Override
    public int compareTo(MigrationVersion other) {
        for (int i = 0; i < Math.max(parts.size(), other.parts.size()); i++) {
            int order = part(i).compareTo(other.part(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Missing trailing parts count as 0, as in Flyway: {@code 1} and {@code 1.0} are one version. */
    private BigInteger part(int index) {
        return index < parts.size() ? parts.get(index) : BigInteger.ZERO;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int end = parts.size();
        while (end > 1 && parts.get(end - 1).signum() == 0) {
            end--;
        }
        return parts.subList(0, end).hashCode();
    }

    @Override
    public String toString() {
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }
}
