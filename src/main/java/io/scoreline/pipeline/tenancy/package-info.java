/** Organizations, the tenants of Scoreline, and the cross-tenant directory look-ups. */
package io.scoreline.pipeline.tenancy;
