/**
 * The admin API under {@code /api/v1} (issue 21, ADR 0036). Adding an endpoint is mechanical:
 * <ul>
 *   <li>declare what it needs with {@link io.scoreline.app.http.api.ApiEndpoint} (scope, which
 *       kind of key, a summary for the OpenAPI document); {@link io.scoreline.app.http.api.ApiGuard}
 *       refuses every {@code /api/v1} route without one;
 *   <li>take the caller as {@code @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey
 *       caller} and pass {@code caller.organizationId()} and {@code caller.actor()} to the use
 *       case, which runs its transactions in that organization;
 *   <li>read a body with {@link io.scoreline.app.http.api.JsonBody}; let failures propagate: they
 *       become {@code {"error":{"code","message","field"}}} through {@link
 *       io.scoreline.app.http.api.ApiErrors}.
 * </ul>
 */
package io.scoreline.app.http.api;
