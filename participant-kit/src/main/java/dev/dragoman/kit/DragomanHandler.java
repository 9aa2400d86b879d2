package dev.dragoman.kit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean's method as the handler of Dragoman's copies of one event type. The method takes
 * one parameter: an {@link InboundEvent}, or any type the event's JSON data is read into. It runs
 * in the service's transaction together with the inbox row that dedupes the copy; throwing rolls
 * both back and asks Dragoman to send the copy again.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DragomanHandler {

    /** The CloudEvents {@code type}, e.g. {@code payment.requested}. */
    String value();
}
