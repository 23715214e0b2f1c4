-- The rider's Idempotency-Key is unique per rider AND creating region, not per rider alone.
--
-- Why: rides is replicated. During a failover a rider's app may retry the same request (same Idempotency-Key) through
-- the other region before the first region's ride has replicated there, so two regions can each create a ride for the
-- same (rider_id, idempotency_key) under different ids. With a unique key on (rider_id, idempotency_key) alone, sync-sink
-- applying the other region's ride runs INSERT ... ON DUPLICATE KEY UPDATE, which matches the LOCAL ride on the
-- secondary key and overwrites it with the other ride's values: one acknowledged ride silently replaced by another.
-- With created_region in the key the two rides are distinct rows in every region (they converge, nothing is lost), and
-- order-service's idempotency lookup (rider_id, idempotency_key) still returns an existing ride from any region, so a
-- retry that arrives after replication gets the original ride. Two rides for one key remain possible only inside the
-- replication lag of a failover; they are visible as such (same rider and key, different created_region).
--
-- created_region is the region bits of the ride id (GlobalIdGenerator: 41 ms | 4 region | 6 unit | 3 node | 9 seq, so
-- region = (id >> 18) & 15), written explicitly so every database can index it without generated columns.
ALTER TABLE rides ADD COLUMN created_region INT NOT NULL DEFAULT 0;
UPDATE rides SET created_region = MOD(FLOOR(id / 262144), 16) WHERE created_region = 0;
CREATE UNIQUE INDEX uk_rides_rider_key_region ON rides (rider_id, idempotency_key, created_region);
ALTER TABLE rides DROP CONSTRAINT uk_rides_rider_idempotency_key;
