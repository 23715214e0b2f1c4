-- ARGV: driver id, ride id, seen-since ms. The rider of the ride left the driver's shared trip (completed, cancelled
-- or released): its stops go. The last one ends the trip and frees the driver (pool_end_if_empty).
-- Returns not_pooled (the driver has no shared trip: nothing changed) | active | ended. Idempotent.
local id, ride, since = ARGV[1], ARGV[2], ARGV[3]
local tk = pool_trip_key(id)
if redis.call('EXISTS', tk) == 0 then return 'not_pooled' end
local sk = pool_stops_key(id)
redis.call('LREM', sk, 0, 'P:' .. ride)
redis.call('LREM', sk, 0, 'D:' .. ride)
redis.call('HDEL', tk, 'rider:' .. ride, 'boarded:' .. ride)
return pool_end_if_empty(id, since)
