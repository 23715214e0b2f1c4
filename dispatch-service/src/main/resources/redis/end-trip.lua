-- ARGV: driver id, seen-since ms. on_trip -> available (back in the index if fresh). Returns 1 if it was on a trip.
local id, since = ARGV[1], ARGV[2]
local dk = driver_key(id)
if redis.call('HGET', dk, 'status') ~= 'on_trip' then return 0 end
redis.call('HSET', dk, 'status', 'available')
reindex(id, since)
return 1
