package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmConnectorFactory;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.util.Map;

/** Opens the connector of an integration with its credentials decrypted in memory only. */
public final class ConnectorOpener {

    private final IntegrationStore integrations;
    private final Map<CrmProvider, CrmConnectorFactory> factories;

    public ConnectorOpener(IntegrationStore integrations, Map<CrmProvider, CrmConnectorFactory> factories) {
        this.integrations = integrations;
        this.factories = Map.copyOf(factories);
    }

    public CrmConnector open(Integration integration) {
        var factory = factories.get(integration.provider());
        if (factory == null) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "the " + integration.provider().key() + " connector is not available in this build yet");
        }
        var credentials = integrations.credentials(integration.organizationId(), integration.id());
        // A CRM that rotates refresh tokens invalidates the stored one: keep the new one, encrypted.
        return factory.open(new ConnectorSettings(
                integration.id(),
                integration.provider(),
                integration.settings(),
                credentials,
                rotated -> integrations.replaceCredentials(integration.organizationId(), integration.id(), rotated)));
    }
}
