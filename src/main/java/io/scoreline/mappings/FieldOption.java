package io.scoreline.mappings;

import java.util.Objects;

/**
 * One allowed value of a picklist (Salesforce) or enumeration (HubSpot) field: the value the API
 * returns and stores, and the label a person sees in the CRM's screens. They differ in HubSpot
 * ({@code no_show} / {@code No Show}); a rule must compare with the value.
 */
public record FieldOption(String value, String label) {

    public FieldOption {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
    }
}
