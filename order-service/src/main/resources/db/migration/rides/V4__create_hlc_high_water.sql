-- hlc_high_water: REGIONAL bookkeeping, NOT replicated. The persisted upper bound of each node's hybrid logical clock
-- (io.ridemesh.common.hlc.JdbcHlcStore), so a restarted node never re-issues a timestamp. JdbcHlcStore creates the
-- table itself if absent; it is declared here so the schema is complete and reviewed.
CREATE TABLE IF NOT EXISTS hlc_high_water (
    node_key    VARCHAR(128) NOT NULL PRIMARY KEY,
    upper_bound BIGINT       NOT NULL
);
