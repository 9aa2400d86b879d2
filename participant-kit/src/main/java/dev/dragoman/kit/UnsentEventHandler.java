package dev.dragoman.kit;

/**
 * The service's hook for an event that will never reach Dragoman: its deadline passed before the
 * gateway took it, or the gateway refused it for good. The service undoes its own local step here.
 * It runs once per event, in the transaction that marks the outbox row finished: if it throws,
 * both roll back and the relay calls it again later.
 */
public interface UnsentEventHandler {

    void onUnsent(UnsentEvent event);
}
