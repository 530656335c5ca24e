package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.ConnectionOptions;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HubSpotSettingsTest {

    @Test
    void readsStoredSettingsWithHubSpotsBaseUrlByDefault() {
        assertThat(HubSpotSettings.from(Map.of()))
                .isEqualTo(new HubSpotSettings(URI.create("https://api.hubapi.com"), OptionalLong.empty()));
        assertThat(HubSpotSettings.from(Map.of("base_url", "http://127.0.0.1:8080//", "portal_id", "42")))
                .isEqualTo(new HubSpotSettings(URI.create("http://127.0.0.1:8080"), OptionalLong.of(42)));
    }

    @Test
    void aBadSettingIsRefusedByItsKey() {
        assertThatThrownBy(() -> HubSpotSettings.from(Map.of("base_url", "api.hubapi.com")))
                .hasMessage("base_url must be an http(s) URL, got 'api.hubapi.com'");
        assertThatThrownBy(() -> HubSpotSettings.from(Map.of("portal_id", "hub-42")))
                .hasMessage("portal_id must be the numeric HubSpot portal id, got 'hub-42'");
    }

    @Test
    void newSettingsRouteWebhooksByTheNormalisedPortalId() {
        var profile = new HubSpotProfile();
        var made = profile.newSettings(new ConnectionOptions(Optional.empty(), Optional.empty(), Optional.of("042")));
        assertThat(made.settings()).isEqualTo(Map.of("base_url", "https://api.hubapi.com", "portal_id", "42"));
        assertThat(made.externalAccountId()).contains("42");
        assertThatThrownBy(() -> profile.newSettings(new ConnectionOptions(
                        Optional.of("https://login.salesforce.com"), Optional.empty(), Optional.empty())))
                .hasMessage("--login-url is for salesforce; hubspot takes --base-url");
        assertThatThrownBy(() -> profile.webhookAccountId("00D000000000001AAA"))
                .hasMessage("--salesforce-org-id is for salesforce; hubspot takes --portal-id");
    }

    @Test
    void propertyChangesCarryTheirValuesOtherEventsDoNot() {
        var profile = new HubSpotProfile();
        var at = Optional.of(Instant.parse("2026-01-05T10:00:00Z"));
        var change = profile.valueChange(
                "deal.propertyChange", at, "{\"propertyName\":\"amount\",\"propertyValue\":\"1200\"}");
        assertThat(change).isPresent();
        assertThat(change.get().field()).isEqualTo("amount");
        assertThat(profile.valueChange("deal.propertyChange", at, "{\"propertyName\":\"amount\"}"))
                .isEmpty();
        assertThat(profile.valueChange(
                        "deal.propertyChange",
                        Optional.empty(),
                        "{\"propertyName\":\"amount\",\"propertyValue\":\"1200\"}"))
                .isEmpty();
        assertThat(profile.valueChange("deal.creation", at, "{}")).isEmpty();
        assertThat(profile.valueChange("deal.propertyChange", at, "not json")).isEmpty();
    }
}
