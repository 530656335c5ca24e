package io.scoreline.app.http.api;

import io.scoreline.pipeline.access.Scope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an {@code /api/v1} endpoint needs: the one place its security is declared. {@link ApiGuard}
 * enforces it before the endpoint runs and {@link OpenApiDocument} publishes it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiEndpoint {

    /** The least scope a key needs (scopes nest: admin includes write includes read). */
    Scope scope();

    Audience audience() default Audience.ORGANIZATION;

    /** One line for the OpenAPI document. */
    String summary();
}
