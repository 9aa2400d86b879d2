-- The W3C trace context (traceparent, tracestate) a saga's start event came in: its outcome and
-- compensations carry it as the CloudEvents distributed-tracing extension (docs/EVENTS.md,
-- "Tracing"), so they belong to the trace of the publish that started the saga. Null for a saga
-- started without one, and for every saga stored before this migration.
ALTER TABLE saga ADD COLUMN trace_parent VARCHAR(256);
ALTER TABLE saga ADD COLUMN trace_state VARCHAR(512);
