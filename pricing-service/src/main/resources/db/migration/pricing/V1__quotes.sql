-- pricing-service, schema `pricing`: upfront quotes this region issued.
--
-- REGIONAL TABLE, NOT REPLICATED. Each region keeps only the quotes it issued: capture must exclude this table from
-- the repl.* topics, and it deliberately has none of the replicated-row columns (version, hlc, origin_region,
-- deleted). No other region needs these rows: order-service checks a quote from its signed token alone (see
-- io.ridemesh.common.quote.QuoteSigner), wherever the ride is requested. Rows are an audit of what was offered and
-- may be purged once expires_at has passed.
--
-- Times are UTC; money in integer minor units (cents) of `currency`; distances metres; durations seconds.
CREATE TABLE quote (
    quote_id              VARCHAR(64)  NOT NULL,
    unit_id               INT          NOT NULL,
    product               VARCHAR(8)   NOT NULL,
    seats                 INT          NOT NULL,
    pickup_lat            DOUBLE       NOT NULL,
    pickup_lon            DOUBLE       NOT NULL,
    dropoff_lat           DOUBLE       NOT NULL,
    dropoff_lon           DOUBLE       NOT NULL,
    surge_cell            VARCHAR(16)  NOT NULL,
    metered_cents         BIGINT       NOT NULL,
    surged_cents          BIGINT       NOT NULL,
    surcharges_cents      BIGINT       NOT NULL,
    extra_passenger_cents BIGINT       NOT NULL,
    fare_cents            BIGINT       NOT NULL,
    currency              CHAR(3)      NOT NULL,
    surge_milli           INT          NOT NULL,
    distance_m            BIGINT       NOT NULL,
    duration_s            BIGINT       NOT NULL,
    issued_at             DATETIME(3)  NOT NULL,
    expires_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (quote_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_quote_expires_at ON quote (expires_at);
