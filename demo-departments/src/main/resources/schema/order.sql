CREATE TABLE IF NOT EXISTS orders (
    id        VARCHAR(200) PRIMARY KEY, -- the saga's id: the id of the order.placed event
    status    VARCHAR(20)  NOT NULL,    -- placed, confirmed, cancelled
    items     VARCHAR(8000) NOT NULL,   -- JSON, the order department's skus
    amount    BIGINT       NOT NULL,
    deadline  TIMESTAMP WITH TIME ZONE NOT NULL,
    placed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at  TIMESTAMP WITH TIME ZONE
);
