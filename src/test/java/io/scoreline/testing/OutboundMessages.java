package io.scoreline.testing;

import java.util.List;
import java.util.Map;

/** Salesforce outbound messages written by hand, for cases the simulator does not send (stale, forged, hostile). */
public final class OutboundMessages {

    /** One notification: its id (the dedupe key), the object and the fields sent ({@code Id} included). */
    public record Notification(String id, String objectType, Map<String, String> fields) {}

    private OutboundMessages() {}

    public static String envelope(String orgId, List<Notification> notifications) {
        var xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                 <soapenv:Body>
                  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
                """);
        xml.append("   <OrganizationId>")
                .append(orgId)
                .append("</OrganizationId>\n")
                .append("   <ActionId>04k000000000001AAA</ActionId>\n   <SessionId xsi:nil=\"true\"/>\n");
        for (var notification : notifications) {
            xml.append("   <Notification>\n    <Id>")
                    .append(notification.id())
                    .append("</Id>\n")
                    .append("    <sObject xsi:type=\"sf:")
                    .append(notification.objectType())
                    .append("\" xmlns:sf=\"urn:sobject.enterprise.soap.sforce.com\">\n");
            notification
                    .fields()
                    .forEach((name, value) -> xml.append("     <sf:")
                            .append(name)
                            .append('>')
                            .append(value.replace("&", "&amp;").replace("<", "&lt;"))
                            .append("</sf:")
                            .append(name)
                            .append(">\n"));
            xml.append("    </sObject>\n   </Notification>\n");
        }
        return xml.append("  </notifications>\n </soapenv:Body>\n</soapenv:Envelope>\n")
                .toString();
    }

    /** A message of {@code count} Task notifications from {@code orgId}, with ids numbered from 0. */
    public static String tasks(String orgId, int count) {
        var notifications = new java.util.ArrayList<Notification>();
        for (int i = 0; i < count; i++) {
            notifications.add(new Notification(
                    String.format("04l0000000%05dAAA", i),
                    "Task",
                    Map.of("Id", String.format("00T0000000%05dAAA", i))));
        }
        return envelope(orgId, notifications);
    }
}
