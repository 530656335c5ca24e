package io.scoreline.sim;

import io.scoreline.sim.data.RecordChange;
import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.hubspot.HubSpotSimulator;
import io.scoreline.sim.hubspot.HubSpotWebhookEmitter;
import io.scoreline.sim.hubspot.HubSpotWebhookEvent;
import io.scoreline.sim.hubspot.HubSpotWebhookEvents;
import io.scoreline.sim.live.LiveChanges;
import io.scoreline.sim.live.LiveDriver;
import io.scoreline.sim.salesforce.JwtSigningKeys;
import io.scoreline.sim.salesforce.SalesforceOutboundMessenger;
import io.scoreline.sim.salesforce.SalesforceSimulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The started simulators: where they listen, how to log in, and the data they serve. Close to stop. */
public final class RunningSimulators implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningSimulators.class);

    private final SimulatorOptions options;
    private final SyntheticDataset dataset;
    private final SalesforceSimulator salesforce;
    private final HubSpotSimulator hubSpot;
    private final LiveChanges live;
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    RunningSimulators(
            SimulatorOptions options,
            SyntheticDataset dataset,
            SalesforceSimulator salesforce,
            HubSpotSimulator hubSpot) {
        this.options = options;
        this.dataset = dataset;
        this.salesforce = salesforce;
        this.hubSpot = hubSpot;
        this.live = new LiveChanges(dataset, options.clock(), options.liveChangesPerMinute());
        if (options.liveChangesPerMinute() > 0) {
            resources.add(new LiveDriver(live));
        }
    }

    /** Live mode; with a live rate set it is ticked every second, tests may tick it by hand. */
    public LiveChanges live() {
        return live;
    }

    /**
     * Sends every later change of the dataset to {@code target} as signed HubSpot webhook batches
     * (one batch per change), retrying non-2xx answers.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a simulated CRM fires and forgets; the emitter counts deliveries
    public HubSpotWebhookEmitter forwardHubSpotWebhooks(URI target, RetrySchedule retries) {
        HubSpotWebhookEmitter emitter =
                new HubSpotWebhookEmitter(target, hubSpot.credentials().clientSecret(), options.clock(), retries);
        HubSpotWebhookEvents events = hubSpot.webhookEvents(dataset.spec().zone(), options.clock());
        resources.add(emitter);
        dataset.onChange(change -> {
            List<HubSpotWebhookEvent> batch = events.of(change);
            if (!batch.isEmpty()) {
                emitter.send(batch);
            }
        });
        return emitter;
    }

    public SyntheticDataset dataset() {
        return dataset;
    }

    public SimulatorOptions options() {
        return options;
    }

    /**
     * Sends every later creation or edit of a record to {@code target} as a Salesforce outbound message,
     * redelivered until acknowledged (deletes fire no workflow, so they send nothing).
     */
    @SuppressWarnings("FutureReturnValueIgnored") // a simulated CRM fires and forgets; the messenger counts deliveries
    public SalesforceOutboundMessenger forwardSalesforceOutboundMessages(URI target, RetrySchedule retries) {
        SalesforceOutboundMessenger messenger =
                new SalesforceOutboundMessenger(target, salesforce.orgId(), salesforce.baseUri(), retries);
        resources.add(messenger);
        dataset.onChange(change -> {
            if (!(change instanceof RecordChange.Deleted)) {
                messenger.send(List.of(salesforce.records().row(change.after())));
            }
        });
        return messenger;
    }

    public SalesforceSimulator salesforceSimulator() {
        return salesforce;
    }

    public HubSpotSimulator hubSpotSimulator() {
        return hubSpot;
    }

    public HubSpotConnection hubSpot() {
        var credentials = hubSpot.credentials();
        return new HubSpotConnection(
                hubSpot.baseUri(),
                credentials.portalId(),
                credentials.appId(),
                credentials.clientId(),
                credentials.clientSecret(),
                credentials.refreshToken(),
                credentials.privateAppToken());
    }

    public SalesforceConnection salesforce() {
        var credentials = salesforce.credentials();
        return new SalesforceConnection(
                salesforce.baseUri(),
                salesforce.baseUri(),
                credentials.clientId(),
                credentials.clientSecret(),
                credentials.refreshToken(),
                credentials.username(),
                credentials.password(),
                salesforce.orgId(),
                JwtSigningKeys.privateKeyPem(credentials.jwtKeys()));
    }

    /** Writes every record as the APIs return it, one JSONL file per object, deleted records flagged. */
    public void dump(Path directory) {
        new GroundTruthDump(dataset, salesforce.records(), hubSpot.records()).write(directory);
    }

    /** The fields {@code scoreline sim --json} prints (DESIGN §10), in a stable order. */
    public Map<String, Object> describe() {
        SalesforceConnection sf = salesforce();
        Map<String, Object> salesforceJson = new LinkedHashMap<>();
        salesforceJson.put("login_url", sf.loginUrl().toString());
        salesforceJson.put("instance_url", sf.instanceUrl().toString());
        salesforceJson.put("client_id", sf.clientId());
        salesforceJson.put("client_secret", sf.clientSecret());
        salesforceJson.put("refresh_token", sf.refreshToken());
        salesforceJson.put("username", sf.username());
        salesforceJson.put("org_id", sf.orgId());
        // the JWT bearer login: client_id, username and this key (PKCS#8 PEM) of the connected app's certificate
        salesforceJson.put("jwt_private_key", sf.jwtPrivateKeyPem());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", options.seed());
        json.put("reps", options.reps());
        json.put("days", options.days());
        json.put("last_day", dataset.spec().lastDay().toString());
        json.put("salesforce", salesforceJson);
        HubSpotConnection hs = hubSpot();
        Map<String, Object> hubSpotJson = new LinkedHashMap<>();
        hubSpotJson.put("base_url", hs.baseUrl().toString());
        hubSpotJson.put("portal_id", hs.portalId());
        hubSpotJson.put("app_id", hs.appId());
        hubSpotJson.put("client_id", hs.clientId());
        hubSpotJson.put("client_secret", hs.clientSecret());
        hubSpotJson.put("refresh_token", hs.refreshToken());
        hubSpotJson.put("private_app_token", hs.privateAppToken());
        json.put("hubspot", hubSpotJson);
        return json;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", resource, e);
            }
        }
        hubSpot.close();
        salesforce.close();
    }
}
