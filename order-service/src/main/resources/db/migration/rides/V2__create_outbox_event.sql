-- outbox_event: REGIONAL, NOT replicated (no version/hlc/origin_region/deleted contract columns, so capture does not
-- publish it to repl.* topics). The transactional outbox of ARCHITECTURE.md section 5: order-service inserts a row in
-- the SAME local transaction as the ride change that caused it (no dual writes), and this region's capture publishes
-- every inserted row to the topic events.<region>.<aggregate>, keyed by aggregate_id. Consumers are idempotent on id.
--
-- Rows are only ever inserted by order-service; capture reads them from the binlog, so a janitor may delete old rows
-- once they are published.
CREATE TABLE outbox_event (
    id             BIGINT      NOT NULL PRIMARY KEY, -- global id (GlobalIdGenerator), the event id
    aggregate      VARCHAR(64) NOT NULL,             -- e.g. ride
    aggregate_id   BIGINT      NOT NULL,             -- e.g. the ride id
    event_type     VARCHAR(64) NOT NULL,             -- RideRequested, DriverAssigned, DriverArrived, RideStarted,
                                                     -- RideCompleted, RideCancelled, DriverReleased, NoDriverAvailable
    payload        TEXT        NOT NULL,             -- JSON, see order-service/README.md
    occurred_at_ms BIGINT      NOT NULL,             -- ms since the Unix epoch (UTC)
    hlc            BIGINT      NOT NULL              -- HLC timestamp of the ride write that caused the event
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_outbox_event_aggregate ON outbox_event (aggregate, aggregate_id);
