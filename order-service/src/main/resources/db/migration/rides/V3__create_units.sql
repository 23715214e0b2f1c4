-- units: REGIONAL reference data, NOT replicated (no contract columns): every region is seeded with the same rows by
-- this migration. A unit is the routing shard (a city); every ride belongs to the unit whose service area contains
-- its pickup point, and ride ids carry the unit id (1..63; 0 means "no unit").
-- Service areas are latitude/longitude boxes, bounds inclusive, WGS84 degrees.
CREATE TABLE units (
    id       INT          NOT NULL PRIMARY KEY,
    code     VARCHAR(32)  NOT NULL,
    name     VARCHAR(128) NOT NULL,
    min_lat  DOUBLE       NOT NULL,
    max_lat  DOUBLE       NOT NULL,
    min_lon  DOUBLE       NOT NULL,
    max_lon  DOUBLE       NOT NULL,
    timezone VARCHAR(64)  NOT NULL, -- IANA zone id
    currency CHAR(3)      NOT NULL, -- ISO 4217
    CONSTRAINT uk_units_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

INSERT INTO units (id, code, name, min_lat, max_lat, min_lon, max_lon, timezone, currency) VALUES
    (1, 'nyc', 'New York City', 40.45, 41.0, -74.3, -73.6, 'America/New_York', 'USD'),
    (2, 'chicago', 'Chicago', 41.6, 42.1, -87.95, -87.5, 'America/Chicago', 'USD');
