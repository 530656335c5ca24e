/**
 * The console's Integration Hub (issue 24, ADR 0057): the organization's integrations with their
 * status, runs and lag; connecting a CRM account with a pasted token or client credentials
 * ({@code integration add}); test, pause, resume, sync now; a backfill started after its dry-run
 * estimate, with its progress polled from the runs use case; a new Salesforce endpoint secret for
 * admins; and the CRM users matching nobody, each linked to a profile in one click. Every route
 * calls the use case the API's route calls.
 */
package io.scoreline.app.console.hub;
