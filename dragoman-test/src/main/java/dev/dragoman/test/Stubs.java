package dev.dragoman.test;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A WireMock stub directory (its {@code mappings/} and {@code __files/}, as a department publishes
 * them) that answers as the upstream of a route, or of every route that calls a context. Name
 * exactly one of {@link #route()} and {@link #context()}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Stubs {

    /** A route's id in the maps. */
    String route() default "";

    /** A context: the stubs answer for every route whose {@code to} it is. */
    String context() default "";

    /**
     * The directory holding {@code mappings/} and {@code __files/}: relative to the working
     * directory, or {@code classpath:some/folder} for one inside a jar or the test's resources.
     */
    String dir();
}
