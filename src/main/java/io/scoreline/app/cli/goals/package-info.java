/** {@code scoreline goal …}: goals per KPI and period, and progress towards them (ADR 0044). */
package io.scoreline.app.cli.goals;
