package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.http.SimHttpServer;
import io.scoreline.sim.http.SimRequest;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SalesforceOutboundMessengerIT {

    private static final String ACK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
            <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack>
            </notificationsResponse></soapenv:Body></soapenv:Envelope>""";
    private static final RetrySchedule FAST = new RetrySchedule(5, Duration.ofMillis(10), Duration.ofMillis(20));

    private final TestClock clock = new TestClock(Instant.parse("2026-03-02T14:00:00Z"));
    private final List<SimRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private RunningSimulators sims;
    private SimHttpServer listener;

    @BeforeEach
    void start() {
        sims = Simulators.start(SimulatorOptions.defaults()
                .withSeed(2)
                .withVolume(3, 5)
                .withLastDay(LocalDate.of(2026, 3, 1))
                .withClock(clock));
        listener = SimHttpServer.start(0, request -> {
            received.add(request);
            // First a server error, then an answer without an Ack: both must be redelivered.
            return switch (refusals.getAndIncrement()) {
                case 0 -> Reply.empty(500);
                case 1 -> Reply.text(200, "text/xml", "<ok/>");
                default -> Reply.text(200, "text/xml", ACK);
            };
        });
    }

    @AfterEach
    void stop() {
        listener.close();
        sims.close();
    }

    @Test
    void notificationsAreRedeliveredUntilAcknowledged() throws Exception {
        SalesforceRecords records = sims.salesforceSimulator().records();
        List<SalesforceRow> rows = List.of(
                records.row(sims.dataset().get(ActivityKind.CALL, 0)),
                records.row(sims.dataset().get(ActivityKind.CALL, 1)));
        try (SalesforceOutboundMessenger messenger = new SalesforceOutboundMessenger(
                listener.baseUri().resolve("/webhooks/salesforce/7"),
                sims.salesforce().orgId(),
                sims.salesforce().instanceUrl(),
                FAST)) {
            List<Delivery> outcome = messenger.send(rows).get(10, TimeUnit.SECONDS);

            assertThat(outcome).containsExactly(new Delivery.Delivered(3, 200));
        }
        assertThat(received).hasSize(3);
        assertThat(received.get(0).bodyText()).isEqualTo(received.get(2).bodyText());
        assertThat(received.get(0).header("Content-Type")).hasValue("text/xml; charset=utf-8");
        Document soap = parse(received.getFirst().bodyText());
        assertThat(soap.getElementsByTagNameNS("http://soap.sforce.com/2005/09/outbound", "OrganizationId")
                        .item(0)
                        .getTextContent())
                .isEqualTo(sims.salesforce().orgId());
        var notifications = soap.getElementsByTagNameNS("http://soap.sforce.com/2005/09/outbound", "Notification");
        assertThat(notifications.getLength()).isEqualTo(2);
        Element sObject = (Element) ((Element) notifications.item(0))
                .getElementsByTagNameNS("http://soap.sforce.com/2005/09/outbound", "sObject")
                .item(0);
        assertThat(sObject.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .isEqualTo("sf:Task");
        assertThat(sObject.getElementsByTagNameNS("urn:sobject.enterprise.soap.sforce.com", "Id")
                        .item(0)
                        .getTextContent())
                .isEqualTo(rows.getFirst().id());
        assertThat(sObject.getElementsByTagNameNS("urn:sobject.enterprise.soap.sforce.com", "CallDurationInSeconds")
                        .getLength())
                .isEqualTo(1);
    }

    @Test
    void datasetEditsAreForwarded() throws Exception {
        refusals.set(2);
        sims.forwardSalesforceOutboundMessages(listener.baseUri().resolve("/webhooks/salesforce/7"), FAST);
        Activity deal = sims.dataset().get(ActivityKind.DEAL, 0);

        sims.dataset().update(deal.withMeta(deal.meta().modified(clock.instant())));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        assertThat(parse(received.getFirst().bodyText())
                        .getElementsByTagNameNS("urn:sobject.enterprise.soap.sforce.com", "StageName")
                        .getLength())
                .isEqualTo(1);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes()));
    }
}
