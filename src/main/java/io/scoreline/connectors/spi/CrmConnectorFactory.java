package io.scoreline.connectors.spi;

import io.scoreline.mappings.CrmProvider;

/** Opens connectors for one provider; the application holds one factory per CRM. */
public interface CrmConnectorFactory {

    CrmProvider provider();

    CrmConnector open(ConnectorSettings settings);
}
