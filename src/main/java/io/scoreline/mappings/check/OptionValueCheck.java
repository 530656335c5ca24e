package io.scoreline.mappings.check;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Compares a text literal with the allowed values of a picklist (Salesforce) or enumeration
 * (HubSpot) field. A literal that is none of them can never match and is almost always a typo
 * ({@code 'Conected'}) or an option's label where the API returns its value ({@code 'No Show'}
 * for {@code no_show}); either is a warning, not an error, because the organization may add the
 * value later and the catalog is only as fresh as its last describe.
 */
final class OptionValueCheck {

    private final CrmProvider provider;

    OptionValueCheck(CrmProvider provider) {
        this.provider = provider;
    }

    /** The warning for comparing {@code objectName.field} with {@code literal}; empty when it is one of the values. */
    Optional<String> check(String objectName, FieldDef field, String literal) {
        if (!field.hasOptions()) {
            return Optional.empty();
        }
        var options = field.options();
        if (isValue(options, literal) || isMultiSelection(options, literal)) {
            return Optional.empty();
        }
        var qualified = objectName + "." + field.name();
        var byLabel = options.stream()
                .filter(o -> !o.label().equals(o.value()) && o.label().equals(literal))
                .findFirst()
                .or(() -> options.stream()
                        .filter(o -> !o.label().equalsIgnoreCase(o.value())
                                && o.label().equalsIgnoreCase(literal))
                        .findFirst());
        if (byLabel.isPresent()) {
            return Optional.of(label(qualified, literal, byLabel.get()));
        }
        var byCase = options.stream()
                .filter(o -> o.value().equalsIgnoreCase(literal))
                .findFirst();
        if (byCase.isPresent()) {
            return Optional.of(
                    "'" + literal + "' differs from the value '" + byCase.get().value() + "' of " + qualified
                            + " only by case; rules compare text ignoring case, so it matches, but write '"
                            + byCase.get().value() + "' as " + name() + " returns it");
        }
        var values = options.stream().map(FieldOption::value).toList();
        return Optional.of("'" + literal + "' is not a value of " + qualified + " ("
                + String.join(", ", values) + ")"
                + NameSuggestions.didYouMean(literal, values, "'")
                        .map(s -> "; " + s)
                        .orElse(""));
    }

    private static boolean isValue(List<FieldOption> options, String literal) {
        return options.stream().anyMatch(o -> o.value().equals(literal));
    }

    /**
     * Multi-select picklists (Salesforce) and checkbox enumerations (HubSpot) hold their selected
     * values joined by {@code ;}: such text is fine when every part is a value.
     */
    private static boolean isMultiSelection(List<FieldOption> options, String literal) {
        return literal.contains(";") && Arrays.stream(literal.split(";", -1)).allMatch(part -> isValue(options, part));
    }

    private String label(String qualified, String literal, FieldOption option) {
        return "'" + literal + "' is a label of " + qualified + ", not a value: " + name() + " returns '"
                + option.value() + "' for the label '" + option.label() + "'; compare with '" + option.value() + "'";
    }

    private String name() {
        return switch (provider) {
            case SALESFORCE -> "Salesforce";
            case HUBSPOT -> "HubSpot";
        };
    }
}
