-- The outbox listing, re-sends and retention (docs/ADMIN.md "Outbox", docs/EVENTS.md "Retention").

-- How often an operator re-sent a copy (POST /admin/outbox/resend); attempts start again from 0.
ALTER TABLE delivery ADD COLUMN resends INTEGER DEFAULT 0 NOT NULL;

-- The listing pages newest first by id within a status or a receiver, without a sort.
CREATE INDEX delivery_status_id ON delivery (status, id);
CREATE INDEX delivery_receiver_id ON delivery (receiver, id);
-- The oldest pending copy's age (the listing's head and dragoman_outbox_oldest_pending_age_seconds).
CREATE INDEX delivery_status_created ON delivery (status, created_at);
-- Retention: finished copies by age, and whether an event still has copies.
CREATE INDEX delivery_status_finished ON delivery (status, finished_at);
CREATE INDEX delivery_published ON delivery (published_id);
CREATE INDEX saga_ended ON saga (ended_at);
CREATE INDEX published_event_accepted ON published_event (accepted_at);

-- Which instance runs a periodic task shared by the instances of one database, and until when
-- (the retention's clean-up). The columns are ShedLock's, so its JDBC provider could take it over.
CREATE TABLE scheduled_lock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
