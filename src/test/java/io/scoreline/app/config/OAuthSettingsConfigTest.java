package io.scoreline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoreline's OAuth apps: none by default, one per CRM when both halves are set, half an app stops start-up. */
class OAuthSettingsConfigTest {

    @Test
    void noAppIsConfiguredByDefaultAndConnectingThenNamesTheSettings() {
        var apps =
                ScorelineConfig.resolve(Map.of(), CliOverrides.none()).oauth().apps();
        assertThat(apps.apps()).isEmpty();
        assertThatThrownBy(() -> apps.require(CrmProvider.HUBSPOT))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("SCORELINE_OAUTH_HUBSPOT_CLIENT_ID and SCORELINE_OAUTH_HUBSPOT_CLIENT_SECRET");
    }

    @Test
    void bothHalvesMakeAnAppWhoseSecretNeverPrints() {
        var config = ScorelineConfig.resolve(
                Map.of(
                        "SCORELINE_OAUTH_SALESFORCE_CLIENT_ID", "3MVG9-app",
                        "SCORELINE_OAUTH_SALESFORCE_CLIENT_SECRET", "very-secret"),
                CliOverrides.none());
        var app = config.oauth().apps().require(CrmProvider.SALESFORCE);
        assertThat(app.clientId()).isEqualTo("3MVG9-app");
        assertThat(app.clientSecret()).isEqualTo("very-secret");
        assertThat(config.toString()).doesNotContain("very-secret");
        assertThat(config.oauth().apps().apps()).doesNotContainKey(CrmProvider.HUBSPOT);
    }

    @Test
    void halfAnAppStopsStartUpNamingTheMissingSetting() {
        assertThatThrownBy(() -> ScorelineConfig.resolve(
                        Map.of("SCORELINE_OAUTH_HUBSPOT_CLIENT_ID", "abc"), CliOverrides.none()))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining(
                        "SCORELINE_OAUTH_HUBSPOT_CLIENT_SECRET must be set with SCORELINE_OAUTH_HUBSPOT_CLIENT_ID");
        assertThatThrownBy(() -> ScorelineConfig.resolve(
                        Map.of("SCORELINE_OAUTH_SALESFORCE_CLIENT_SECRET", "s"), CliOverrides.none()))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("SCORELINE_OAUTH_SALESFORCE_CLIENT_ID must be set with");
    }
}
