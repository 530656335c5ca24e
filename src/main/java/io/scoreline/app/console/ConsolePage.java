package io.scoreline.app.console;

import io.micronaut.aop.Around;
import io.scoreline.pipeline.access.Scope;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a console route needs: the one place its security is declared. {@link ConsoleGuard} refuses
 * every {@code /console} route without it (404), finds the session and checks {@link #scope()}
 * before the route runs; {@link ConsolePageInterceptor} checks the CSRF token of an unsafe
 * method's form, confines the route to the session's organization and turns failures into pages.
 */
@Around
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ConsolePage {

    /** The least role the session's key needs (read, write, admin nest as in the API). */
    Scope scope() default Scope.READ;

    Access access() default Access.ORGANIZATION;

    /** Who reaches a route. */
    enum Access {
        /** Anyone: the sign-in page and the static assets. */
        PUBLIC,
        /** A session, with or without an organization: picking one, signing out. */
        SESSION,
        /** A session bound to an organization: every page with data. */
        ORGANIZATION
    }
}
