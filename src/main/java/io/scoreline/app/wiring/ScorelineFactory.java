package io.scoreline.app.wiring;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.scoreline.app.config.MasterKeySource;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Wires the plain classes of {@code pipeline} into the Micronaut context. Everything is lazy:
 * a command that needs no database never starts one.
 */
@Factory
public class ScorelineFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PrometheusMeterRegistry meterRegistry() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Singleton
    @Bean(preDestroy = "close")
    DatabaseRuntime databaseRuntime(ScorelineConfig config, PrometheusMeterRegistry registry) {
        var runtime = DatabaseRuntime.open(config.database(), pool -> pool.setMetricRegistry(registry));
        if (config.database().embedded()) {
            MasterKeySource.ensureKeyFile(config);
        }
        return runtime;
    }

    @Singleton
    TenantTransactions tenantTransactions(DatabaseRuntime database) {
        return new TenantTransactions(database.dsl());
    }

    @Singleton
    OrganizationStore organizationStore(TenantTransactions transactions) {
        return new OrganizationStore(transactions);
    }

    @Singleton
    IntegrationStore integrationStore(TenantTransactions transactions, ScorelineConfig config) {
        Supplier<CredentialCipher> cipher = new Supplier<>() {
            private CredentialCipher value;

            @Override
            public synchronized CredentialCipher get() {
                if (value == null) {
                    value = new CredentialCipher(MasterKeySource.load(config));
                }
                return value;
            }
        };
        return new IntegrationStore(transactions, cipher);
    }

    @Singleton
    RuleSetStore ruleSetStore(TenantTransactions transactions) {
        return new RuleSetStore(transactions);
    }

    @Singleton
    @Bean(preDestroy = "stop")
    CamelContext camelContext() {
        var camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("scoreline");
        camel.start();
        return camel;
    }
}
