package io.scoreline.sim.hubspot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matches objects against search filters, comparing the string values by the property's type:
 * numbers numerically, datetimes as instants (epoch millis or ISO), everything else case-insensitively.
 * A missing value only satisfies NEQ, NOT_IN, NOT_HAS_PROPERTY and NOT_CONTAINS_TOKEN.
 */
final class HubSpotFilterEvaluator {

    private final HubSpotObjectType type;
    private final HubSpotSchemaDrift drift;

    HubSpotFilterEvaluator(HubSpotObjectType type, HubSpotSchemaDrift drift) {
        this.type = type;
        this.drift = drift;
    }

    boolean matches(HubSpotSearchRequest request, HubSpotObject object) {
        if (request.query().isPresent() && !request.query().get().isBlank()) {
            String needle = request.query().get().toLowerCase(Locale.ROOT);
            boolean found = object.properties().values().stream()
                    .anyMatch(value ->
                            value != null && value.toLowerCase(Locale.ROOT).contains(needle));
            if (!found) {
                return false;
            }
        }
        return request.filterGroups().isEmpty()
                || request.filterGroups().stream()
                        .anyMatch(group -> group.stream().allMatch(filter -> matches(filter, object)));
    }

    private boolean matches(HubSpotSearchRequest.Filter filter, HubSpotObject object) {
        String actual = object.property(filter.propertyName());
        boolean present = actual != null && !actual.isEmpty();
        HubSpotPropertyType propertyType = propertyType(filter.propertyName());
        return switch (filter.operator()) {
            case HAS_PROPERTY -> present;
            case NOT_HAS_PROPERTY -> !present;
            case EQ -> present && compare(propertyType, actual, filter.value()) == 0;
            case NEQ -> !present || compare(propertyType, actual, filter.value()) != 0;
            case LT -> present && compare(propertyType, actual, filter.value()) < 0;
            case LTE -> present && compare(propertyType, actual, filter.value()) <= 0;
            case GT -> present && compare(propertyType, actual, filter.value()) > 0;
            case GTE -> present && compare(propertyType, actual, filter.value()) >= 0;
            case BETWEEN ->
                present
                        && compare(propertyType, actual, filter.value()) >= 0
                        && compare(propertyType, actual, filter.highValue()) <= 0;
            case IN -> present && filter.values().stream().anyMatch(v -> compare(propertyType, actual, v) == 0);
            case NOT_IN -> !present || filter.values().stream().noneMatch(v -> compare(propertyType, actual, v) == 0);
            case CONTAINS_TOKEN -> present && containsToken(actual, filter.value());
            case NOT_CONTAINS_TOKEN -> !present || !containsToken(actual, filter.value());
        };
    }

    /** What a search sorts by: an object's id and the value of the sort property. */
    record SortKey(long id, String value) {}

    SortKey sortKey(HubSpotObject object, HubSpotSearchRequest.Sort sort) {
        return new SortKey(object.id(), object.property(sort.propertyName()));
    }

    /** Missing values first, ties broken by ascending id. */
    Comparator<SortKey> ordering(HubSpotSearchRequest.Sort sort) {
        HubSpotPropertyType propertyType = propertyType(sort.propertyName());
        Comparator<SortKey> byValue = (a, b) -> {
            if (a.value() == null || b.value() == null) {
                return a.value() == null ? (b.value() == null ? 0 : -1) : 1;
            }
            return compare(propertyType, a.value(), b.value());
        };
        Comparator<SortKey> ordered = sort.descending() ? byValue.reversed() : byValue;
        return ordered.thenComparingLong(SortKey::id);
    }

    private HubSpotPropertyType propertyType(String name) {
        return drift.find(type, name).map(HubSpotPropertyCatalog.Property::type).orElse(HubSpotPropertyType.STRING);
    }

    static int compare(HubSpotPropertyType type, String actual, String expected) {
        return switch (type) {
            case NUMBER -> number(actual).compareTo(number(expected));
            case DATETIME, DATE -> Long.compare(epochMillis(actual), epochMillis(expected));
            case STRING, ENUMERATION, BOOL -> actual.compareToIgnoreCase(expected);
        };
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new HubSpotSearchParser.InvalidSearch("'" + text + "' is not a valid number");
        }
    }

    /** Datetime filter values come as epoch millis or ISO-8601; a date alone means midnight UTC. */
    static long epochMillis(String text) {
        String trimmed = text.trim();
        if (trimmed.matches("-?\\d+")) {
            return Long.parseLong(trimmed);
        }
        try {
            return trimmed.length() == 10
                    ? LocalDate.parse(trimmed)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli()
                    : Instant.parse(trimmed).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new HubSpotSearchParser.InvalidSearch("'" + text + "' is not a valid datetime");
        }
    }

    private static boolean containsToken(String actual, String token) {
        Pattern pattern =
                Pattern.compile(Arrays.stream(token.toLowerCase(Locale.ROOT).split("\\*", -1))
                        .map(Pattern::quote)
                        .reduce((a, b) -> a + "\\w*" + b)
                        .orElse(""));
        return Arrays.stream(actual.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}@._-]+"))
                .anyMatch(word -> pattern.matcher(word).matches());
    }
}
