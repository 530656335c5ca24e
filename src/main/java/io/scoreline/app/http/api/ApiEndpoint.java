package io.scoreline.app.http.api;

import io.micronaut.aop.Around;
import io.scoreline.pipeline.access.Scope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an {@code /api/v1} endpoint needs: the one place its security is declared. {@link ApiGuard}
 * enforces it before the endpoint runs, {@link ApiConfinementInterceptor} confines the endpoint's
 * work to the caller's organization, and {@link OpenApiDocument} publishes it.
 */
@Around
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ApiEndpoint {

    /** The least scope a key needs (scopes nest: admin includes write includes read). */
    Scope scope();

    Audience audience() default Audience.ORGANIZATION;

    /** One line for the OpenAPI document. */
    String summary();

    /**
     * The record the JSON body is read into ({@link JsonBody#parse(byte[], int, Class)}): its
     * components are the fields the endpoint accepts, and the OpenAPI document describes the body
     * from it. {@code Void.class} for an endpoint without a body.
     */
    Class<?> request() default Void.class;

    /**
     * A request body that works, as JSON (empty for an endpoint without a body): published in the
     * OpenAPI document and sent by the tests that walk every route.
     */
    String example() default "";
}
