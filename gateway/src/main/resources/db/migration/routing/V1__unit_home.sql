-- Schema `routing` of every region (gateway). MariaDB syntax; also runs on H2 in MariaDB mode (tests).

-- unit_home: REPLICATED. Where every unit (routing shard, ARCHITECTURE.md section 1) is homed.
-- It follows the replicated-row contract (section 2): version, hlc, origin_region, deleted. sync-sink captures it
-- (schema `routing` is in its capture list) and applies other regions' versions by the merge key (hlc, origin_region).
-- Every change is the versioned CAS of JdbcUnitHomes:
--   UPDATE unit_home SET home_region = ?, moved_at_ms = ?, version = version + 1,
--          hlc = GREATEST(:hlcNow, hlc + 1), origin_region = :self WHERE unit_id = ? AND version = ?
-- The seed is identical in every region and carries origin_region 0, so no region publishes it (capture publishes only
-- rows whose origin_region is the local region) and the first real move (hlc > 0) wins everywhere.
CREATE TABLE unit_home (
    unit_id       INT          NOT NULL PRIMARY KEY,
    unit_code     VARCHAR(32)  NOT NULL,
    home_region   INT          NOT NULL,
    moved_at_ms   BIGINT       NULL,
    version       BIGINT       NOT NULL,
    hlc           BIGINT       NOT NULL,
    origin_region INT          NOT NULL,
    deleted       TINYINT      NOT NULL DEFAULT 0
);

INSERT INTO unit_home (unit_id, unit_code, home_region, moved_at_ms, version, hlc, origin_region, deleted) VALUES
    (1, 'nyc',     1, NULL, 1, 0, 0, 0),
    (2, 'chicago', 2, NULL, 1, 0, 0, 0);

-- drill: REPLICATED (same contract). One row per failover action: evacuate, failback or move. Replicated because the
-- action is executed by whichever gateway received the call (the evacuated region's may be dead) and the first request
-- served by the new home may pass through any region's gateway, which then records first_served_at_ms and rto_ms with
-- the same versioned CAS. Every console shows the same history.
--   id                  global id (GlobalIdGenerator, unit 0) of the executing gateway
--   kind                evacuate | failback | move
--   region              the region acted on: evacuated, failed back to, or moved away from
--   target_region       where the units went
--   units_moved         comma-separated unit ids actually moved ('' if none)
--   declared_down_at_ms when the executing gateway had declared `region` down (all probes failing), else NULL
--   rto_ms              first_served_at_ms - COALESCE(declared_down_at_ms, started_at_ms)
CREATE TABLE drill (
    id                  BIGINT       NOT NULL PRIMARY KEY,
    kind                VARCHAR(16)  NOT NULL,
    region              INT          NOT NULL,
    target_region       INT          NOT NULL,
    started_at_ms       BIGINT       NOT NULL,
    ended_at_ms         BIGINT       NULL,
    units_moved         VARCHAR(255) NOT NULL,
    declared_down_at_ms BIGINT       NULL,
    first_served_at_ms  BIGINT       NULL,
    rto_ms              BIGINT       NULL,
    executed_by         INT          NOT NULL,
    version             BIGINT       NOT NULL,
    hlc                 BIGINT       NOT NULL,
    origin_region       INT          NOT NULL,
    deleted             TINYINT      NOT NULL DEFAULT 0
);

CREATE INDEX drill_started ON drill (started_at_ms);
