package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SalesforceSettingsTest {

    @Test
    void readsStoredSettingsAndDefaultsTheApiVersion() {
        var settings = SalesforceSettings.from(7, Map.of("login_url", "https://test.salesforce.com"));
        assertThat(settings).isEqualTo(new SalesforceSettings("https://test.salesforce.com", "61.0"));
        assertThat(settings.toMap())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("login_url", "https://test.salesforce.com", "api_version", "61.0"));
    }

    @Test
    void aBadSettingIsRefusedByItsKey() {
        assertThatThrownBy(() -> SalesforceSettings.from(7, Map.of()))
                .isInstanceOf(ScorelineException.class)
                .hasMessage("integration 7 has no login_url setting")
                .satisfies(e -> assertThat(((ScorelineException) e).kind()).isEqualTo(FailureKind.BAD_INPUT));
        assertThatThrownBy(() -> SalesforceSettings.from(Map.of("login_url", "ftp://example.com")))
                .hasMessage("login_url must be an http(s) URL, got 'ftp://example.com'");
        assertThatThrownBy(() -> SalesforceSettings.from(
                        Map.of("login_url", "https://login.salesforce.com", "api_version", "latest")))
                .hasMessage("api_version must be a Salesforce API version such as 61.0, got 'latest'");
    }

    @Test
    void newSettingsTakeOnlySalesforceOptions() {
        var profile = new SalesforceProfile();
        var made = profile.newSettings(new ConnectionOptions(
                Optional.of("https://example.my.salesforce.com/"), Optional.empty(), Optional.empty()));
        assertThat(made.settings())
                .containsEntry("login_url", "https://example.my.salesforce.com")
                .containsEntry("api_version", "61.0");
        assertThat(made.externalAccountId()).isEmpty();
        assertThatThrownBy(() -> profile.newSettings(new ConnectionOptions(
                        Optional.empty(), Optional.of("https://api.hubapi.com"), Optional.empty())))
                .hasMessage("--base-url is for hubspot; salesforce takes --login-url");
        assertThat(profile.webhookAccountId(" 00D000000000001AAA ")).isEqualTo("00D000000000001AAA");
        assertThatThrownBy(() -> profile.webhookAccountId("42")).hasMessageStartingWith("--salesforce-org-id must be");
    }
}
