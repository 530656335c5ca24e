package io.scoreline.connectors.spi;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.pushdown.PushDown;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the pipeline and the HTTP intake must know of one CRM besides reading from it: how its
 * settings are made and checked, how its webhooks are decoded and verified, what its webhook
 * events carry, and how its accounts are named to an operator. Each connector package has one;
 * {@link CrmProfiles} finds them, so that the callers name no CRM (ADR 0028).
 *
 * <p>A profile holds no state and does no I/O: it answers questions and decodes bytes.
 */
public interface CrmProfile {

    CrmProvider provider();

    /** The CRM's name as an operator reads it in a message ({@code Salesforce}, {@code HubSpot}). */
    String displayName();

    /**
     * The settings a new integration starts with, from what the operator gave; refused (bad input)
     * with a message naming the option when an option is not for this CRM or not valid.
     */
    NewSettings newSettings(ConnectionOptions options);

    /**
     * The account the CRM's webhooks are checked against when it is not in the settings (the org id
     * outbound messages carry), as an operator typed it; refused when this CRM takes no such option.
     */
    String webhookAccountId(String typed);

    /** Checks stored settings; the message names the key at fault. */
    void validateSettings(Map<String, String> settings);

    /** The URL an operator recognises an integration by (its login or API base URL), if set. */
    Optional<String> settingsUrl(Map<String, String> settings);

    /** One CRM account for an operator's eyes: {@code HubSpot portal 42}. */
    String accountLabel(String account);

    /**
     * Whether the CRM posts webhooks to a URL per integration that holds a secret (ADR 0020): such
     * integrations are given an endpoint secret, the others are not.
     */
    boolean usesEndpointSecret();

    /** How this CRM's webhooks are authenticated, said to an operator who asked for an endpoint secret it does not use. */
    String webhookAuthentication();

    /** Decodes and verifies the CRM's webhook requests. */
    WebhookDecoder webhooks();

    /**
     * Whether the CRM's webhook events carry new values that may be applied to the records held
     * without reading them back (ADR 0016); when not, every event is read back.
     */
    default boolean eventsCarryValues() {
        return false;
    }

    /**
     * The value an inbox event sets, if it is a change the CRM sent the new value of, at a known
     * time ({@code occurredAt} present, since changes are applied in the order they occurred);
     * anything else (creations, deletions, merges, a body that cannot be read) is read back instead.
     */
    default Optional<ValueChange> valueChange(String eventType, Optional<Instant> occurredAt, String rawBody) {
        return Optional.empty();
    }

    /**
     * The rules' condition on one object in the CRM's query language, for a backfill to push down
     * ({@link ChangeQuery#filter()}); empty when the CRM's change query takes no filter.
     */
    default Optional<PushDown<String>> pushDown(RuleSet rules, String objectType) {
        return Optional.empty();
    }

    /**
     * About how many API calls {@link CrmConnector#read} spends on this many ids: what
     * {@code mapping set} and {@code remap --dry-run} report when stored records must be read
     * again (ADR 0034), known without calling the CRM. The default is a batch read of 100 ids per
     * call (HubSpot's).
     */
    default long callsToReadById(long records) {
        return (records + 99) / 100;
    }

    /**
     * About how many API calls reading this many records again through the CRM's bulk API costs
     * ({@link CrmConnector#bulkChanges} of the object, keeping only the records that lack fields):
     * what {@code remap} takes above the bulk threshold (ADR 0034); empty when the CRM has none.
     */
    default java.util.OptionalLong callsToReadInBulk(long records) {
        return java.util.OptionalLong.empty();
    }
}
