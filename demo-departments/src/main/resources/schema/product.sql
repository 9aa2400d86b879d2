CREATE TABLE IF NOT EXISTS reservations (
    saga_id    VARCHAR(200) PRIMARY KEY,
    status     VARCHAR(20)  NOT NULL,   -- reserved, released, out-of-stock, cancelled
    items      VARCHAR(8000) NOT NULL,  -- JSON, the product department's skus
    reason     VARCHAR(2000),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
