-- Schema `identity` of every region (identity-service). MariaDB syntax; also runs on H2 in MariaDB mode (tests).

-- account: REPLICATED. One row per login (the normalized e-mail address is the primary key), so a login is the same row
-- in every region. It follows the replicated-row contract (ARCHITECTURE.md section 2): version, hlc, origin_region,
-- deleted. Every change is the versioned CAS of JdbcAccounts; a deletion leaves a tombstone without the password hash.
-- Merge key (claim, hlc, origin_region) (sync-sink's sync.merge-keys: identity.account = [claim]): claim is
-- Long.MAX_VALUE minus the HLC of the sign-up and never changes afterwards, so of two sign-ups of one login in two
-- regions at once the earlier one wins in every region, and later changes of the account win by HLC.
--   subject        the `sub` of the account's tokens: a rider's global id, a driver's driver id
--   role           rider | driver | operator
--   password_hash  Spring Security's delegating format ({bcrypt}...); '' once deleted
CREATE TABLE account (
    login          VARCHAR(254) NOT NULL PRIMARY KEY,
    subject        VARCHAR(64)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    password_hash  VARCHAR(255) NOT NULL,
    created_at_ms  BIGINT       NOT NULL,
    claim          BIGINT       NOT NULL,
    version        BIGINT       NOT NULL,
    hlc            BIGINT       NOT NULL,
    origin_region  INT          NOT NULL,
    deleted        TINYINT      NOT NULL DEFAULT 0
);

-- not unique: two regions may onboard one driver at once; sign-up refuses a subject that has a live account here
CREATE INDEX account_subject ON account (subject);

-- sign_in_failure: REGIONAL, not replicated. Consecutive failed sign-ins per login and the end of its lockout
-- (SignInThrottle); a success deletes the row.
CREATE TABLE sign_in_failure (
    login           VARCHAR(254) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    locked_until_ms BIGINT       NOT NULL
);

-- hlc_high_water: REGIONAL bookkeeping, NOT replicated. The persisted upper bound of each node's hybrid logical clock
-- and id generator (io.ridemesh.common.hlc.JdbcHlcStore).
CREATE TABLE IF NOT EXISTS hlc_high_water (
    node_key    VARCHAR(128) NOT NULL PRIMARY KEY,
    upper_bound BIGINT       NOT NULL
);
