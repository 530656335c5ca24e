package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.testing.OutboundMessages;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing outbound messages: fields, nil values, and hostile XML refused before any entity is resolved. */
class SalesforceOutboundMessageTest {

    private static final String ORG = "00D000000000001AAA";

    @Test
    void readsTheOrganizationAndEachNotification() throws Exception {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Id", "00T000000000001AAA");
        fields.put("Status", "Completed");
        fields.put("Subject", "a < b & c");
        var xml = OutboundMessages.envelope(
                ORG, List.of(new OutboundMessages.Notification("04l000000000001AAA", "Task", fields)));
        var message = SalesforceOutboundMessage.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(message.organizationId()).isEqualTo(ORG);
        assertThat(message.notifications()).singleElement().satisfies(n -> {
            assertThat(n.id()).isEqualTo("04l000000000001AAA");
            assertThat(n.objectType()).isEqualTo("Task");
            assertThat(n.recordId()).isEqualTo("00T000000000001AAA");
            assertThat(n.fields()).containsEntry("Subject", "a < b & c").containsEntry("Status", "Completed");
        });
    }

    @Test
    void aMessageHoldsAtMostAHundredNotifications() throws Exception {
        assertThat(SalesforceOutboundMessage.parse(notifications(100)).notifications())
                .hasSize(100);
        assertThatThrownBy(() -> SalesforceOutboundMessage.parse(notifications(101)))
                .isInstanceOf(SalesforceOutboundMessage.TooManyNotifications.class)
                .hasMessage("a message holds at most 100 notifications, got 101");
    }

    static byte[] notifications(int count) {
        return OutboundMessages.tasks(ORG, count).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void externalEntitiesAreRefused() {
        var xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
                <notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>&xxe;</OrganizationId>
                </notifications></soapenv:Body></soapenv:Envelope>""";
        assertThatThrownBy(() -> SalesforceOutboundMessage.parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SalesforceOutboundMessage.MalformedMessage.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void entityExpansionIsRefused() {
        var laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>&lol3;</OrganizationId></notifications>""";
        assertThatThrownBy(() -> SalesforceOutboundMessage.parse(laughs.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SalesforceOutboundMessage.MalformedMessage.class);
    }

    @Test
    void somethingElseIsMalformed() {
        assertThatThrownBy(() -> SalesforceOutboundMessage.parse("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SalesforceOutboundMessage.MalformedMessage.class);
        var empty = OutboundMessages.envelope(ORG, List.of());
        assertThatThrownBy(() -> SalesforceOutboundMessage.parse(empty.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SalesforceOutboundMessage.MalformedMessage.class)
                .hasMessageContaining("no Notification");
    }
}
