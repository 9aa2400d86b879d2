-- The saga search (GET /admin/sagas, the console): each query walks one of these indexes in its
-- own order from the cursor on and stops after a page (SagaSearchQueries), so that a page costs
-- the same with a hundred sagas or a hundred thousand. The saga id ends each index: it breaks ties
-- in the order, which keyset paging needs.

-- The open list and a search by deadline, one status at a time; also the deadline loop's
-- (status IN ('OPEN', 'CONFIRMING') AND deadline <= ?), which the old (status, deadline) served.
DROP INDEX saga_deadline;
CREATE INDEX saga_deadline ON saga (status, deadline, saga_id);
-- A search by status, newest first.
CREATE INDEX saga_status_started ON saga (status, started_at DESC, saga_id DESC);
-- A search over every status, newest first.
CREATE INDEX saga_started ON saga (started_at DESC, saga_id DESC);
