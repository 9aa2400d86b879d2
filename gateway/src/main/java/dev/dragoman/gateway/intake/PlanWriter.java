package dev.dragoman.gateway.intake;

/**
 * Stores an event's plan whole before answering: {@link IntakeStore} in a transaction of its own,
 * {@link GroupCommit} in one shared with the plans that arrive with it.
 */
interface PlanWriter {

    /**
     * @return the answer, once the plan is committed
     * @throws org.springframework.dao.DuplicateKeyException when the same source and id were accepted meanwhile
     * @throws IntakeRefusedException when the saga refuses the event; nothing was stored
     */
    Accepted write(EventPlan plan);
}
