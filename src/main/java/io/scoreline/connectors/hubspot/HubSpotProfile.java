package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.connectors.spi.CrmProfile;
import io.scoreline.connectors.spi.HttpUrlOption;
import io.scoreline.connectors.spi.NewSettings;
import io.scoreline.connectors.spi.ValueChange;
import io.scoreline.connectors.spi.WebhookDecoder;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.HubSpotObjectReader;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.pushdown.PushDown;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What Scoreline knows of HubSpot besides reading it: portal-routed, v3-signed webhook batches
 * whose property changes carry their new values (ADR 0016), and settings of a base URL and a
 * portal id. Listed in {@code META-INF/services} for {@code CrmProfiles}.
 */
public final class HubSpotProfile implements CrmProfile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROPERTY_CHANGE = ".propertyChange";

    private final HubSpotWebhooks webhooks = new HubSpotWebhooks();

    @Override
    public CrmProvider provider() {
        return CrmProvider.HUBSPOT;
    }

    @Override
    public String displayName() {
        return "HubSpot";
    }

    @Override
    public NewSettings newSettings(ConnectionOptions options) {
        if (options.loginUrl().isPresent()) {
            throw ScorelineException.badInput("--login-url is for salesforce; hubspot takes --base-url");
        }
        var baseUrl = HttpUrlOption.parse(options.baseUrl().orElse(HubSpotSettings.DEFAULT_BASE_URL), "--base-url");
        var portalId = options.portalId().map(HubSpotProfile::portalId);
        var settings = new HubSpotSettings(
                java.net.URI.create(baseUrl),
                portalId.map(id -> OptionalLong.of(Long.parseLong(id))).orElse(OptionalLong.empty()));
        return new NewSettings(settings.toMap(), portalId);
    }

    @Override
    public String webhookAccountId(String typed) {
        throw ScorelineException.badInput("--salesforce-org-id is for salesforce; hubspot takes --portal-id");
    }

    @Override
    public void validateSettings(Map<String, String> settings) {
        HubSpotSettings.from(settings);
    }

    @Override
    public Optional<String> settingsUrl(Map<String, String> settings) {
        return Optional.ofNullable(settings.get(HubSpotSettings.BASE_URL));
    }

    @Override
    public String accountLabel(String account) {
        return "HubSpot portal " + account;
    }

    @Override
    public boolean usesEndpointSecret() {
        return false;
    }

    @Override
    public String webhookAuthentication() {
        return "HubSpot webhooks are signed with the app's client secret";
    }

    @Override
    public WebhookDecoder webhooks() {
        return webhooks;
    }

    @Override
    public boolean eventsCarryValues() {
        return true;
    }

    /** A property change with a time, a property name and a value; HubSpot sends a cleared value as "". */
    @Override
    public Optional<ValueChange> valueChange(String eventType, Optional<Instant> occurredAt, String rawBody) {
        if (!eventType.endsWith(PROPERTY_CHANGE) || occurredAt.isEmpty()) {
            return Optional.empty();
        }
        try {
            var event = JSON.readTree(rawBody);
            var name = event.path("propertyName");
            var value = event.path("propertyValue");
            if (!name.isTextual() || name.asText().isBlank() || !value.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new ValueChange(name.asText(), HubSpotObjectReader.fieldValue(value.asText())));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String portalId(String value) {
        if (!value.strip().matches("[0-9]{1,19}")) {
            throw ScorelineException.badInput(
                    "--portal-id must be the numeric HubSpot portal (hub) id, got '" + value + "'");
        }
        // HubSpot sends the portal id as a JSON number: "042" would never match "42" in routing.
        try {
            return Long.toString(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ScorelineException.badInput("--portal-id is too large to be a HubSpot portal id: '" + value + "'");
        }
    }

    /** The rules' condition as search filter groups, for a backfill into a window without stored records. */
    @Override
    public Optional<PushDown<String>> pushDown(RuleSet rules, String objectType) {
        return Optional.of(HubSpotPushedFilters.compile(rules, objectType));
    }
}
