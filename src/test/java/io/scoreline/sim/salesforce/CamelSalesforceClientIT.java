package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.ActivityKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.dto.Limits;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.QueryJob;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Camel Salesforce component logs in with a refresh token and pages through a query. */
class CamelSalesforceClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOQL = "SELECT Id, CallDurationInSeconds, Owner.Email FROM Task "
            + "WHERE TaskSubtype = 'Call' ORDER BY SystemModstamp, Id";

    private RunningSimulators sims;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        sims = Simulators.start(
                SimulatorOptions.defaults().withSeed(5).withVolume(3, 10).withLastDay(LocalDate.of(2026, 3, 1)));
        var sf = sims.salesforce();
        SalesforceComponent component = new SalesforceComponent();
        component.setLoginUrl(sf.loginUrl().toString());
        component.setClientId(sf.clientId());
        component.setClientSecret(sf.clientSecret());
        component.setRefreshToken(sf.refreshToken());
        component.setAuthenticationType(AuthenticationType.REFRESH_TOKEN);
        camel = new DefaultCamelContext();
        camel.addComponent("salesforce", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").to("salesforce:query?rawPayload=true");
                from("direct:queryMore").to("salesforce:queryMore?rawPayload=true");
                from("direct:limits").to("salesforce:limits");
                from("direct:bulkCreate").to("salesforce:bulk2CreateQueryJob");
                from("direct:bulkGet").to("salesforce:bulk2GetQueryJob");
                from("direct:bulkResults").to("salesforce:bulk2GetQueryJobResults");
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sims.close();
    }

    @Test
    void limitsDeserializeIntoCamelsDto() {
        Limits limits = producer.requestBody("direct:limits", null, Limits.class);

        assertThat(limits.getDailyApiRequests().getMax()).isEqualTo(100_000);
        assertThat(limits.getDailyApiRequests().getRemaining())
                .isEqualTo(100_000 - (int) sims.salesforceSimulator().quota().used());
    }

    @Test
    void bulk2QueryJobRunsThroughCamel() throws Exception {
        QueryJob request = new QueryJob();
        request.setOperation(OperationEnum.QUERY);
        request.setQuery("SELECT Id, Owner.Email FROM Task WHERE TaskSubtype = 'Call'");
        QueryJob job = producer.requestBody("direct:bulkCreate", request, QueryJob.class);
        QueryJob polled;
        do {
            polled = producer.requestBodyAndHeader("direct:bulkGet", null, "jobId", job.getId(), QueryJob.class);
        } while (polled.getState() != JobStateEnum.JOB_COMPLETE);

        List<String> lines = new ArrayList<>();
        String locator = null;
        do {
            Map<String, Object> headers = new HashMap<>(Map.of("jobId", job.getId(), "maxRecords", "250"));
            if (locator != null) {
                headers.put("locator", locator);
            }
            Exchange page = producer.request(
                    "direct:bulkResults", exchange -> exchange.getIn().setHeaders(headers));
            assertThat(page.getException()).isNull();
            String csv =
                    new String(page.getMessage().getBody(InputStream.class).readAllBytes(), StandardCharsets.UTF_8);
            lines.addAll(csv.lines().skip(1).toList());
            locator = page.getMessage().getHeader("Sforce-Locator", String.class);
        } while (!"null".equals(locator));

        long calls = sims.dataset().stream(ActivityKind.CALL)
                .filter(call -> !call.meta().deleted())
                .count();
        assertThat(polled.getNumberRecordsProcessed()).isEqualTo(calls);
        assertThat(lines).hasSize((int) calls).doesNotHaveDuplicates();
    }

    @Test
    void queryAndQueryMoreReturnEveryCallOnce() throws Exception {
        long calls = sims.dataset().stream(ActivityKind.CALL)
                .filter(call -> !call.meta().deleted())
                .count();
        JsonNode page = JSON.readTree(producer.requestBodyAndHeaders(
                "direct:query", SOQL, Map.of("Sforce-Query-Options", "batchSize=200"), String.class));
        List<String> ids = new ArrayList<>(page.get("records").findValuesAsText("Id"));
        int pages = 1;
        while (!page.get("done").asBoolean()) {
            if (pages == 2) {
                // A lapsed session mid-query: Camel must log in again and repeat the call.
                sims.salesforceSimulator().expireAllTokens();
            }
            page = JSON.readTree(producer.requestBody(
                    "direct:queryMore", page.get("nextRecordsUrl").asText(), String.class));
            ids.addAll(page.get("records").findValuesAsText("Id"));
            pages++;
        }

        assertThat(calls).isGreaterThan(400);
        assertThat(pages).isGreaterThan(2);
        assertThat(ids).hasSize((int) calls);
        assertThat(new HashSet<>(ids)).hasSize((int) calls);
        assertThat(page.get("records").get(0).get("Owner").get("Email").asText())
                .endsWith("@scoreline-sim.example");
    }
}
