package io.scoreline.connectors.spi;

/** A 200 answer to a webhook in the form its CRM expects (plain text, a SOAP acknowledgement). */
public record WebhookReply(String contentType, String body) {}
