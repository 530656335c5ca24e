package io.scoreline.app.http.api;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.Nullable;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.database.OrganizationConfinement;
import jakarta.inject.Singleton;

/**
 * Runs every {@link ApiEndpoint} confined to its caller's organization (ADR 0038): whatever ids a
 * request names, the use cases under it cannot open a transaction in another organization, so
 * another organization's things answer 404 without each endpoint having to check. The caller is
 * the endpoint's {@link ApiCaller} parameter; an endpoint without one fails closed.
 */
@Singleton
@InterceptorBean(ApiEndpoint.class)
final class ApiConfinementInterceptor implements MethodInterceptor<Object, Object> {

    @Override
    public @Nullable Object intercept(MethodInvocationContext<Object, Object> context) {
        ApiCaller caller = null;
        for (var value : context.getParameterValues()) {
            if (value instanceof ApiCaller found) {
                caller = found;
            }
        }
        return switch (caller) {
            case ApiCaller.OrganizationKey key ->
                OrganizationConfinement.confined(key.organizationId(), context::proceed);
            // A platform key reaches only platform endpoints (ApiGuard), which touch no tenant's rows.
            case ApiCaller.PlatformKey ignored -> context.proceed();
            case null ->
                throw new ScorelineException(
                        FailureKind.BUG,
                        "API endpoint " + context.getExecutableMethod() + " takes no ApiCaller parameter");
        };
    }
}
