package dev.dragoman.kit;

/**
 * The interface form of {@link DragomanHandler}: a bean that handles the copies of one type.
 */
public interface EventHandler {

    /** The CloudEvents {@code type} this bean handles. */
    String type();

    /** Runs in the service's transaction with the inbox row; throwing rolls both back. */
    void handle(InboundEvent event);
}
