/**
 * {@code scoreline integration …} and {@code scoreline users …}: connecting CRM accounts and
 * linking their users to profiles. Commands parse, call {@code IntegrationOnboarding} or
 * {@code CrmUserLinking}, and print (ADR 0029).
 */
package io.scoreline.app.cli.integration;
