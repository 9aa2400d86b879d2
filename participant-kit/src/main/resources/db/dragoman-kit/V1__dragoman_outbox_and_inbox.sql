-- The participant kit's two tables, in the service's own database. Portable SQL: H2 and PostgreSQL.
-- The kit applies this with its own Flyway history table (dragoman_kit_schema_history); a service
-- that sets dragoman.kit.create-schema=false runs it itself.

-- Events the service published, waiting for the relay. One row per event; it ends SENT, REJECTED or EXPIRED.
CREATE TABLE dragoman_outbox (
    id              VARCHAR(255)  PRIMARY KEY,
    type            VARCHAR(512)  NOT NULL,
    saga_id         VARCHAR(1024),
    deadline        TIMESTAMP WITH TIME ZONE NOT NULL,
    data            TEXT          NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(2048),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE
);
-- Due rows are found through this index, never by scanning finished ones.
CREATE INDEX dragoman_outbox_due ON dragoman_outbox (status, next_attempt_at);

-- Copies the service handled: (source, id) is the CloudEvents identity, a repeat is a duplicate.
CREATE TABLE dragoman_inbox (
    source      VARCHAR(2048) NOT NULL,
    id          VARCHAR(1024) NOT NULL,
    type        VARCHAR(512)  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source, id)
);
