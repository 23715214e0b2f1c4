-- sync-sink's bookkeeping in the region's `sync` schema. REGIONAL, NOT replicated: none of these
-- tables has the replicated-row contract columns, and `sync` is not a captured schema.

-- Concurrent versions discarded by apply (ARCHITECTURE 2, conflict log), for audit/compensation.
-- The unique key makes logging idempotent under redelivery and replays.
CREATE TABLE conflict_log (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  schema_name VARCHAR(64) NOT NULL,
  table_name VARCHAR(64) NOT NULL,
  pk_json VARCHAR(512) NOT NULL,
  winner_hlc BIGINT NOT NULL,
  winner_origin INT NOT NULL,
  loser_hlc BIGINT NOT NULL,
  loser_origin INT NOT NULL,
  loser_row_json MEDIUMTEXT NULL,
  detected_in VARCHAR(8) NOT NULL,
  detected_at_ms BIGINT NOT NULL,
  UNIQUE KEY uq_conflict (schema_name, table_name, pk_json(255), winner_hlc, winner_origin, loser_hlc, loser_origin)
) ENGINE=InnoDB;

-- Values of columns a local table lacks yet (additive DDL applied in another region first),
-- written once the column exists.
CREATE TABLE parked_changes (
  id BIGINT AUTO_INCREMENT PRIMARY KEY,
  schema_name VARCHAR(64) NOT NULL,
  table_name VARCHAR(64) NOT NULL,
  pk_json VARCHAR(512) NOT NULL,
  hlc BIGINT NOT NULL,
  origin_region INT NOT NULL,
  missing_columns VARCHAR(1024) NOT NULL,
  record_json MEDIUMTEXT NOT NULL,
  parked_at_ms BIGINT NOT NULL
) ENGINE=InnoDB;
