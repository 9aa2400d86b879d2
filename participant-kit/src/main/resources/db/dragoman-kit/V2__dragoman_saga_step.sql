-- The saga steps this service completed (or started, as a saga's initiator), with the saga's deadline, so that the
-- deadline watchdog can roll a step back on its own after a restart too. Portable SQL: H2 and PostgreSQL.
-- status: COMPLETED (waiting for the outcome), CONFIRMED (the confirmed outcome came in time),
-- COMPENSATED (rolled back: by the watchdog, a cancelled outcome or a compensation copy), FAILED (the step failed).
CREATE TABLE dragoman_saga_step (
    saga_id        VARCHAR(1024) NOT NULL,
    step           VARCHAR(512)  NOT NULL,
    role           VARCHAR(16)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    deadline       TIMESTAMP WITH TIME ZONE NOT NULL,
    data           TEXT,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    compensated_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (saga_id, step)
);
-- The watchdog finds completed steps past their deadline through this index.
CREATE INDEX dragoman_saga_step_due ON dragoman_saga_step (status, deadline);
