package io.scoreline.sim.salesforce;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes the SOAP envelope of a Salesforce outbound message: one {@code Notification} per record. */
final class OutboundMessageXml {

    private static final DateTimeFormatter DATETIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A record and the notification id that stays the same across redeliveries. */
    record Notification(String id, SalesforceRow row) {}

    private OutboundMessageXml() {}

    static String envelope(String orgId, String actionId, String instanceUrl, List<Notification> notifications) {
        String org15 = orgId.substring(0, 15);
        StringBuilder xml = new StringBuilder(512 + notifications.size() * 512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"")
                .append(" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"")
                .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n <soapenv:Body>\n")
                .append("  <notifications xmlns=\"http://soap.sforce.com/2005/09/outbound\">\n")
                .append("   <OrganizationId>")
                .append(orgId)
                .append("</OrganizationId>\n")
                .append("   <ActionId>")
                .append(actionId)
                .append("</ActionId>\n")
                .append("   <SessionId xsi:nil=\"true\"/>\n")
                .append("   <EnterpriseUrl>")
                .append(escape(instanceUrl))
                .append("/services/Soap/c/56.0/")
                .append(org15)
                .append("</EnterpriseUrl>\n")
                .append("   <PartnerUrl>")
                .append(escape(instanceUrl))
                .append("/services/Soap/u/56.0/")
                .append(org15)
                .append("</PartnerUrl>\n");
        for (Notification notification : notifications) {
            SalesforceRow row = notification.row();
            xml.append("   <Notification>\n    <Id>")
                    .append(notification.id())
                    .append("</Id>\n")
                    .append("    <sObject xsi:type=\"sf:")
                    .append(row.type().name())
                    .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n")
                    .append("     <sf:Id>")
                    .append(row.id())
                    .append("</sf:Id>\n");
            for (Map.Entry<String, Object> field : row.values().entrySet()) {
                // Null fields are left out, as Salesforce does.
                if (field.getValue() != null && !field.getKey().equals("Id")) {
                    xml.append("     <sf:")
                            .append(field.getKey())
                            .append('>')
                            .append(escape(text(field.getValue())))
                            .append("</sf:")
                            .append(field.getKey())
                            .append(">\n");
                }
            }
            xml.append("    </sObject>\n   </Notification>\n");
        }
        return xml.append("  </notifications>\n </soapenv:Body>\n</soapenv:Envelope>\n")
                .toString();
    }

    private static String text(Object value) {
        return switch (value) {
            case Instant instant -> DATETIME.format(instant);
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
