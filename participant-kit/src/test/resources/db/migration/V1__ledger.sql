-- The test service's own table, migrated by Spring Boot's Flyway beside the kit's own history.
CREATE TABLE ledger (
    entry_id  VARCHAR(255) PRIMARY KEY,
    kind      VARCHAR(64)  NOT NULL,
    amount    BIGINT       NOT NULL,
    reference VARCHAR(255)
);
