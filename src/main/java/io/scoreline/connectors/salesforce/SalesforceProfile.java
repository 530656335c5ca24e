package io.scoreline.connectors.salesforce;

import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.connectors.spi.CrmProfile;
import io.scoreline.connectors.spi.HttpUrlOption;
import io.scoreline.connectors.spi.NewSettings;
import io.scoreline.connectors.spi.WebhookDecoder;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.pushdown.PushDown;
import io.scoreline.mappings.pushdown.SoqlWhereCompiler;
import java.util.Map;
import java.util.Optional;

/**
 * What Scoreline knows of Salesforce besides reading it: outbound messages posted to a secret URL
 * per integration and checked against the org id (ADR 0020), whose values are never applied but
 * read back; SOQL push-down for backfills; settings of a login URL and an API version. Listed in
 * {@code META-INF/services} for {@code CrmProfiles}.
 */
public final class SalesforceProfile implements CrmProfile {

    private final SalesforceWebhooks webhooks = new SalesforceWebhooks();
    private final SoqlWhereCompiler soql = new SoqlWhereCompiler();

    @Override
    public CrmProvider provider() {
        return CrmProvider.SALESFORCE;
    }

    @Override
    public String displayName() {
        return "Salesforce";
    }

    @Override
    public NewSettings newSettings(ConnectionOptions options) {
        if (options.baseUrl().isPresent()) {
            throw ScorelineException.badInput("--base-url is for hubspot; salesforce takes --login-url");
        }
        if (options.portalId().isPresent()) {
            throw ScorelineException.badInput("--portal-id is for hubspot");
        }
        var loginUrl =
                HttpUrlOption.parse(options.loginUrl().orElse(SalesforceSettings.DEFAULT_LOGIN_URL), "--login-url");
        return new NewSettings(
                new SalesforceSettings(loginUrl, SalesforceSettings.DEFAULT_API_VERSION).toMap(), Optional.empty());
    }

    @Override
    public String webhookAccountId(String typed) {
        var id = typed.strip();
        if (!id.matches("00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
            throw ScorelineException.badInput(
                    "--salesforce-org-id must be a 15- or 18-character org id starting with 00D, got '" + typed + "'");
        }
        return id;
    }

    @Override
    public void validateSettings(Map<String, String> settings) {
        SalesforceSettings.from(settings);
    }

    @Override
    public Optional<String> settingsUrl(Map<String, String> settings) {
        return Optional.ofNullable(settings.get(SalesforceSettings.LOGIN_URL));
    }

    @Override
    public String accountLabel(String account) {
        return "Salesforce org " + account;
    }

    @Override
    public boolean usesEndpointSecret() {
        return true;
    }

    @Override
    public String webhookAuthentication() {
        return "Salesforce outbound messages post to a URL holding the integration's endpoint secret";
    }

    @Override
    public WebhookDecoder webhooks() {
        return webhooks;
    }

    @Override
    public Optional<PushDown<String>> pushDown(RuleSet rules, String objectType) {
        return Optional.of(soql.compile(rules, objectType));
    }

    /** One {@code Id IN (…)} query per {@link SalesforceConnector#IDS_PER_QUERY} ids. */
    @Override
    public long callsToReadById(long records) {
        return (records + SalesforceConnector.IDS_PER_QUERY - 1) / SalesforceConnector.IDS_PER_QUERY;
    }

    /**
     * A Bulk API 2.0 query job: describe, create, about two polls, then a results call per
     * {@link SalesforceBulkQuery#PAGES_PER_RESULT} full pages.
     */
    @Override
    public java.util.OptionalLong callsToReadInBulk(long records) {
        long perResult = (long) SalesforceConnector.PAGE_SIZE * SalesforceBulkQuery.PAGES_PER_RESULT;
        return java.util.OptionalLong.of(4 + Math.max(1, (records + perResult - 1) / perResult));
    }
}
