package io.scoreline.connectors.salesforce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A Salesforce outbound message (SOAP {@code notifications}): the sending org, and per
 * notification its id (the dedupe key: redeliveries reuse it), the object type and the fields sent.
 * Parsed with DOCTYPEs refused outright, so external entities (XXE) and entity expansion
 * ("billion laughs") cannot happen; no outbound message carries a DOCTYPE.
 */
record SalesforceOutboundMessage(String organizationId, List<Notification> notifications) {

    static final String OUTBOUND_NS = "http://soap.sforce.com/2005/09/outbound";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    record Notification(String id, String objectType, String recordId, Map<String, String> fields) {}

    /** Salesforce sends at most this many notifications in one message; a message with more is not from Salesforce. */
    static final int MAX_NOTIFICATIONS = 100;

    /** Thrown for anything that is not a well-formed outbound message. */
    static class MalformedMessage extends Exception {
        MalformedMessage(String message) {
            super(message);
        }
    }

    /** A message with more than {@link #MAX_NOTIFICATIONS} notifications, refused before any of them is read. */
    static final class TooManyNotifications extends MalformedMessage {
        private final int count;

        TooManyNotifications(int count) {
            super("a message holds at most " + MAX_NOTIFICATIONS + " notifications, got " + count);
            this.count = count;
        }

        int count() {
            return count;
        }
    }

    static SalesforceOutboundMessage parse(byte[] body) throws MalformedMessage {
        Element root;
        try {
            var builder = secureFactory().newDocumentBuilder();
            // The default handler prints every fatal error to stderr before throwing it.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new MalformedMessage("not a well-formed SOAP message (DOCTYPEs are refused): " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a secure-processing feature", e);
        }
        var notifications = root.getElementsByTagNameNS(OUTBOUND_NS, "notifications");
        if (notifications.getLength() != 1) {
            throw new MalformedMessage("no notifications element in the SOAP body");
        }
        var message = (Element) notifications.item(0);
        var organizationId =
                childText(message, "OrganizationId").orElseThrow(() -> new MalformedMessage("no OrganizationId"));
        var elements = children(message, OUTBOUND_NS, "Notification");
        if (elements.size() > MAX_NOTIFICATIONS) {
            throw new TooManyNotifications(elements.size());
        }
        var result = new ArrayList<Notification>();
        for (var notification : elements) {
            var id = childText(notification, "Id").orElseThrow(() -> new MalformedMessage("a Notification without Id"));
            var sObject = children(notification, OUTBOUND_NS, "sObject").stream()
                    .findFirst()
                    .orElseThrow(() -> new MalformedMessage("notification " + id + " has no sObject"));
            var type = sObject.getAttributeNS(XSI_NS, "type");
            var objectType = type.contains(":") ? type.substring(type.indexOf(':') + 1) : type;
            if (!objectType.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
                throw new MalformedMessage("notification " + id + " has no valid xsi:type");
            }
            var fields = new LinkedHashMap<String, String>();
            for (var field = sObject.getFirstChild(); field != null; field = field.getNextSibling()) {
                if (field instanceof Element element && !"true".equals(element.getAttributeNS(XSI_NS, "nil"))) {
                    fields.put(element.getLocalName(), element.getTextContent().strip());
                }
            }
            var recordId = fields.get("Id");
            if (recordId == null || recordId.isBlank()) {
                throw new MalformedMessage("notification " + id + " has no sf:Id");
            }
            result.add(new Notification(id, objectType, recordId, fields));
        }
        if (result.isEmpty()) {
            throw new MalformedMessage("the message holds no Notification");
        }
        return new SalesforceOutboundMessage(organizationId, result);
    }

    private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static List<Element> children(Element parent, String namespace, String name) {
        var result = new ArrayList<Element>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && name.equals(element.getLocalName())
                    && namespace.equals(element.getNamespaceURI())) {
                result.add(element);
            }
        }
        return result;
    }

    private static Optional<String> childText(Element parent, String name) {
        return children(parent, OUTBOUND_NS, name).stream()
                .findFirst()
                .map(e -> e.getTextContent().strip())
                .filter(t -> !t.isEmpty());
    }
}
