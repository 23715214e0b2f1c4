-- rides: REPLICATED (ARCHITECTURE.md section 2). Every region holds every ride; capture publishes this table because
-- it has the four contract columns (version, hlc, origin_region, deleted), and apply merges other regions' versions
-- by the key (terminal, hlc, origin_region).
--
-- Written only by order-service, always as a versioned compare-and-set:
--   INSERT ... version = 1, hlc = <HLC now>, origin_region = <this region>
--   UPDATE rides SET ..., version = version + 1, hlc = GREATEST(:hlcNow, hlc + 1), origin_region = :self,
--          terminal = :terminal WHERE id = :id AND version = :expected AND hlc = :expectedHlc
-- terminal is 0 while the ride is open and 1 once COMPLETED, CANCELLED_BY_RIDER, CANCELLED_BY_DRIVER or
-- NO_DRIVER_AVAILABLE; it never goes back to 0, so a finished ride never reopens in any region.
-- Rows are never hard-deleted: deleted = 1 is a tombstone and reads ignore it.
--
-- Units: money in minor units (cents) of currency, times in ms since the Unix epoch (UTC), distances in metres,
-- durations in seconds, coordinates in WGS84 degrees.
CREATE TABLE rides (
    id                      BIGINT       NOT NULL PRIMARY KEY, -- global id carrying the unit (GlobalIdGenerator)
    unit_id                 INT          NOT NULL,             -- unit of the pickup point, equal to unitOf(id)
    rider_id                VARCHAR(64)  NOT NULL,
    driver_id               VARCHAR(64)  NULL,                 -- who holds (or held) the ride
    status                  VARCHAR(32)  NOT NULL,
    terminal                TINYINT      NOT NULL DEFAULT 0,   -- leads the merge key, never decreases
    product                 VARCHAR(8)   NOT NULL,             -- SOLO | POOL
    seats                   INT          NOT NULL,
    pickup_lat              DOUBLE       NOT NULL,
    pickup_lon              DOUBLE       NOT NULL,
    dropoff_lat             DOUBLE       NOT NULL,
    dropoff_lon             DOUBLE       NOT NULL,
    quote_id                VARCHAR(64)  NOT NULL,
    quoted_fare_cents       BIGINT       NOT NULL,
    quoted_distance_metres  BIGINT       NOT NULL,
    quoted_duration_seconds BIGINT       NOT NULL,
    final_fare_cents        BIGINT       NULL,                 -- set when COMPLETED
    cancellation_fee_cents  BIGINT       NULL,                 -- set when cancelled
    currency                CHAR(3)      NOT NULL,             -- ISO 4217
    idempotency_key         VARCHAR(128) NOT NULL,             -- the rider's Idempotency-Key of the creating request
    request_hash            CHAR(64)     NOT NULL,             -- SHA-256 hex of the creating request
    requested_at_ms         BIGINT       NOT NULL,
    updated_at_ms           BIGINT       NOT NULL,
    assigned_at_ms          BIGINT       NULL,                 -- when the current driver got the ride
    arrived_at_ms           BIGINT       NULL,                 -- when the current driver arrived at the pickup
    actual_distance_metres  BIGINT       NULL,                 -- set when COMPLETED
    actual_duration_seconds BIGINT       NULL,                 -- set when COMPLETED
    version                 BIGINT       NOT NULL,             -- contract: +1 on every local write
    hlc                     BIGINT       NOT NULL,             -- contract: HLC timestamp of the last write
    origin_region           INT          NOT NULL,             -- contract: region of the last write
    deleted                 TINYINT      NOT NULL DEFAULT 0,   -- contract: tombstone
    CONSTRAINT uk_rides_rider_idempotency_key UNIQUE (rider_id, idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE INDEX ix_rides_rider_requested ON rides (rider_id, requested_at_ms);
CREATE INDEX ix_rides_driver_requested ON rides (driver_id, requested_at_ms);
CREATE INDEX ix_rides_status_requested ON rides (status, requested_at_ms);
