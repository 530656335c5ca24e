package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which object a HubSpot webhook event is about, before any rule or connection is consulted. */
class HubSpotWebhookObjectTypeTest {

    @Test
    void genericEventsNameStockObjectsByPathNameAndKeepACustomObjectsTypeId() {
        assertThat(HubSpotWebhooks.objectType("object.propertyChange", "0-48")).hasValue("calls");
        assertThat(HubSpotWebhooks.objectType("object.creation", "2-3508482")).hasValue("2-3508482");
        assertThat(HubSpotWebhooks.objectType("object.deletion", "2-143967026")).hasValue("2-143967026");
    }

    @Test
    void legacyEventsNameTheirObjectByPrefixAndUnknownTypesNameNone() {
        assertThat(HubSpotWebhooks.objectType("deal.propertyChange", "")).hasValue("deals");
        assertThat(HubSpotWebhooks.objectType("object.creation", "0-999")).isEmpty();
        assertThat(HubSpotWebhooks.objectType("object.creation", "2-")).isEmpty();
        assertThat(HubSpotWebhooks.objectType("object.creation", "2-1; DROP")).isEmpty();
    }
}
