package io.scoreline.app.console;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.OrganizationConfinement;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Around every {@link ConsolePage} route: an unsafe method's form must carry the visit's CSRF token
 * (403 otherwise, before the route runs); the route runs confined to the session's organization
 * (ADR 0038), so another organization's ids answer 404; a failure becomes an error page with the
 * layout. Routes return {@code HttpResponse<?>}.
 */
@Singleton
@InterceptorBean(ConsolePage.class)
final class ConsolePageInterceptor implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolePageInterceptor.class);

    private final ConsoleViews views;

    ConsolePageInterceptor(ConsoleViews views) {
        this.views = views;
    }

    @Override
    public @Nullable Object intercept(MethodInvocationContext<Object, Object> context) {
        ConsoleVisit visit = null;
        byte[] body = null;
        var arguments = context.getArguments();
        var values = context.getParameterValues();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof ConsoleVisit found) {
                visit = found;
            }
            if (arguments[i].getAnnotationMetadata().hasAnnotation(Body.class) && values[i] instanceof byte[] bytes) {
                body = bytes;
            }
        }
        if (visit == null) {
            throw new ScorelineException(
                    FailureKind.BUG, "console route " + context.getExecutableMethod() + " takes no ConsoleVisit");
        }
        var admitted = visit;
        Supplier<Frame> frame = () -> views.frame(admitted, "Scoreline console", Section.NONE);
        if (unsafe(context) && !carriesToken(body, visit.csrfToken())) {
            return views.error(
                    HttpStatus.FORBIDDEN,
                    frame.get(),
                    "This form has expired or did not come from this console. Reload the page and try again.");
        }
        try {
            var organization = visit.session().flatMap(s -> s.organizationId());
            return organization.isPresent()
                    ? OrganizationConfinement.confined(organization.get(), context::proceed)
                    : context.proceed();
        } catch (ScorelineException failure) {
            return switch (failure.kind()) {
                case NOT_FOUND -> views.error(HttpStatus.NOT_FOUND, frame.get(), "There is no such page.");
                case BAD_INPUT -> views.error(HttpStatus.UNPROCESSABLE_ENTITY, frame.get(), failure.getMessage());
                case CONFLICT -> views.error(HttpStatus.CONFLICT, frame.get(), failure.getMessage());
                case RETRYABLE ->
                    views.error(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            frame.get(),
                            "The database is not reachable; try again soon.");
                case AUTH, QUOTA, BUG, SCHEMA -> {
                    LOG.error("console {} failed: {}", context.getExecutableMethod(), failure.getMessage(), failure);
                    yield views.error(
                            HttpStatus.INTERNAL_SERVER_ERROR, frame.get(), "Something went wrong on our side.");
                }
            };
        }
    }

    private static boolean unsafe(MethodInvocationContext<Object, Object> context) {
        return context.hasAnnotation(Post.class)
                || context.hasAnnotation(Put.class)
                || context.hasAnnotation(Patch.class)
                || context.hasAnnotation(Delete.class);
    }

    /** The form's token against the visit's, in constant time. */
    private static boolean carriesToken(byte @Nullable [] body, String expected) {
        if (body == null || expected.isEmpty()) {
            return false;
        }
        try {
            var sent = ConsoleForm.parse(body).value(ConsoleForm.CSRF_FIELD);
            return sent.isPresent()
                    && MessageDigest.isEqual(
                            sent.get().getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
        } catch (ScorelineException e) {
            return false;
        }
    }
}
