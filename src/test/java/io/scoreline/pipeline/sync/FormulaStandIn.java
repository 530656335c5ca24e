package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmConnectorFactory;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.connectors.spi.DiscoveredCatalog;
import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.QuotaSnapshot;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real Salesforce connector to the simulator, with two stand-ins for what parallel work of
 * issue 20 adds and this branch does not have yet: {@code describe} (slice "discovery") reports
 * {@code Task.CallDurationInSeconds} as a formula, and a formula whose inputs changed on other
 * records (slice "simfields": {@code Expected_Revenue__c}) is played by doubling that field on
 * every read once {@link #inputsChanged} is set, without the record's modstamp moving. Everything
 * else is the real connector: queries, pages, counts and API calls go to the simulator.
 */
final class FormulaStandIn implements CrmConnectorFactory {

    final AtomicBoolean inputsChanged = new AtomicBoolean();
    static final String OBJECT = "Task";
    static final String FORMULA = "CallDurationInSeconds";

    private final CrmConnectorFactory salesforce;
    private final boolean isFormula;

    FormulaStandIn(CrmConnectorFactory salesforce, boolean isFormula) {
        this.salesforce = salesforce;
        this.isFormula = isFormula;
    }

    @Override
    public CrmProvider provider() {
        return CrmProvider.SALESFORCE;
    }

    @Override
    public CrmConnector open(ConnectorSettings settings) {
        return new Connector(salesforce.open(settings));
    }

    private final class Connector implements CrmConnector {

        private final CrmConnector real;

        Connector(CrmConnector real) {
            this.real = real;
        }

        @Override
        public DiscoveredCatalog describe(Set<String> objects) {
            var catalog = FieldCatalog.stock(CrmProvider.SALESFORCE);
            if (isFormula) {
                var object = catalog.object(OBJECT).orElseThrow();
                var field = object.field(FORMULA).orElseThrow();
                catalog = catalog.withObject(
                        object.withField(new FieldDef(field.name(), field.type(), "double", false, true, List.of())));
            }
            // What a describe costs: one global call and one per object.
            return new DiscoveredCatalog(catalog, 1 + objects.size());
        }

        @Override
        public PageSource changes(ChangeQuery query) {
            var pages = real.changes(query);
            return () -> pages.next().map(this::formulaValues);
        }

        @Override
        public PageSource bulkChanges(ChangeQuery query) {
            var pages = real.bulkChanges(query);
            return () -> pages.next().map(this::formulaValues);
        }

        private RecordPage formulaValues(RecordPage page) {
            if (!inputsChanged.get() || !page.objectType().equalsIgnoreCase(OBJECT)) {
                return page;
            }
            return new RecordPage(
                    page.objectType(),
                    page.records().stream().map(Connector::doubled).toList(),
                    page.cursorAfter(),
                    page.apiCalls());
        }

        private static CrmRecord doubled(CrmRecord record) {
            var value = record.fields().get(FORMULA);
            if (value == null) {
                return record;
            }
            var fields = new HashMap<>(record.fields());
            // The type the JSON reader gave, so that only the value differs.
            fields.put(
                    FORMULA,
                    switch (value) {
                        case Integer i -> i * 2;
                        case Long l -> l * 2;
                        case Double d -> d * 2;
                        default -> new BigDecimal(value.toString()).multiply(BigDecimal.TWO);
                    });
            return new CrmRecord(record.objectType(), record.recordId(), record.modstamp(), record.deleted(), fields);
        }

        @Override
        public boolean readsInBulk() {
            return real.readsInBulk();
        }

        @Override
        public CrmProvider provider() {
            return real.provider();
        }

        @Override
        public ConnectionCheck check() {
            return real.check();
        }

        @Override
        public List<CrmUser> users() {
            return real.users();
        }

        @Override
        public List<CrmRecord> read(String objectType, Set<String> fields, Collection<String> recordIds) {
            return real.read(objectType, fields, recordIds);
        }

        @Override
        public long count(ChangeQuery query) {
            return real.count(query);
        }

        @Override
        public RecordPage deletions(String objectType, Instant from, Instant to) {
            return real.deletions(objectType, from, to);
        }

        @Override
        public long callsToRead(long records) {
            return real.callsToRead(records);
        }

        @Override
        public Optional<QuotaSnapshot> quota() {
            return real.quota();
        }

        @Override
        public long apiCalls() {
            return real.apiCalls();
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
