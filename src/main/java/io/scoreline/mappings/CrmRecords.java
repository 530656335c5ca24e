package io.scoreline.mappings;

import java.util.Map;
import java.util.Optional;

/** Builds a {@link MappingRecord} from one CRM API object of either provider, already parsed from JSON. */
public final class CrmRecords {

    private CrmRecords() {}

    /**
     * @param objectType HubSpot only: the type when the object has no {@code objectType} member
     *                   (Salesforce rows always carry {@code attributes.type})
     * @throws IllegalArgumentException when the object lacks its id or type; the message says which
     */
    public static MappingRecord fromApiObject(
            CrmProvider provider, Map<String, ?> object, Optional<String> objectType) {
        return switch (provider) {
            case SALESFORCE -> SalesforceRowReader.toMappingRecord(object);
            case HUBSPOT -> HubSpotObjectReader.toMappingRecord(object, objectType);
        };
    }
}
