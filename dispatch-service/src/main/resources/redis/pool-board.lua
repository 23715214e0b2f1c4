-- ARGV: driver id, ride id, boarded at ms. The rider of the ride boarded the driver's shared trip: its pickup leaves
-- the stops and its ride time counts from then. Returns 1 if the pickup was still planned, else 0 (idempotent).
local id, ride, at = ARGV[1], ARGV[2], ARGV[3]
local tk = pool_trip_key(id)
if redis.call('EXISTS', tk) == 0 then return 0 end
if redis.call('LREM', pool_stops_key(id), 0, 'P:' .. ride) == 0 then return 0 end
redis.call('HSET', tk, 'boarded:' .. ride, at)
return 1
