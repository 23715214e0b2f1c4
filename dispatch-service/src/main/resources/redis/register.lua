-- ARGV: event id, event ttl s, ride id, unit code, unit id, pickup lat, pickup lon, dropoff lat, dropoff lon, product,
--       seats, requested ms, request ttl ms.
-- Returns registered | duplicate_event | known_ride.
local event, event_ttl, ride, unit = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
if not redis.call('SET', 'dispatch:event:' .. event, '1', 'NX', 'EX', event_ttl) then return 'duplicate_event' end
local rk = request_key(ride)
if redis.call('EXISTS', rk) == 1 then return 'known_ride' end
redis.call('HSET', rk, 'unit', unit, 'unitId', ARGV[5], 'plat', ARGV[6], 'plon', ARGV[7], 'dlat', ARGV[8],
  'dlon', ARGV[9], 'product', ARGV[10], 'seats', ARGV[11], 'requested', ARGV[12], 'windows', 0)
redis.call('PEXPIRE', rk, ARGV[13])
redis.call('ZADD', pending_key(unit), ARGV[12], ride)
return 'registered'
