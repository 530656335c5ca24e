/**
 * The operations on integrations (ADR 0029): connecting one and scheduling it, checking it,
 * pausing and resuming its schedule, rotating its endpoint secret, listing them. A subpackage
 * because these drive the scheduler and the connectors, which themselves read integrations.
 */
package io.scoreline.pipeline.integrations.onboarding;
