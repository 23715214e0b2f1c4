-- ARGV: offer id, ride id, driver id, unit code, pickup lat, pickup lon, dropoff lat, dropoff lon, seats, eta s,
--       created ms, expires ms, lock ttl ms, seen-since ms, retention ms
-- Returns placed | ride_not_pending | driver_locked | driver_unavailable | ride_locked.
local offer, ride, driver, unit = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local created, expires, ttl, since, retention = ARGV[11], ARGV[12], ARGV[13], tonumber(ARGV[14]), ARGV[15]
if not redis.call('ZSCORE', pending_key(unit), ride) then return 'ride_not_pending' end
local lock = 'driver-lock:' .. driver
-- The driver lock: whoever sets it first owns the driver for the offer timeout; no driver holds two offers.
if not redis.call('SET', lock, offer, 'NX', 'PX', ttl) then return 'driver_locked' end
local dk = driver_key(driver)
local s = redis.call('HMGET', dk, 'status', 'seen', 'unit')
if s[1] ~= 'available' or not s[2] or tonumber(s[2]) < since then
  redis.call('DEL', lock)
  return 'driver_unavailable'
end
if not redis.call('SET', 'ride-lock:' .. ride, offer, 'NX', 'PX', ttl) then
  redis.call('DEL', lock)
  return 'ride_locked'
end
unindex(s[3], driver)
redis.call('HSET', dk, 'status', 'offered', 'offer', offer)
redis.call('ZREM', pending_key(unit), ride)
local ok = offer_key(offer)
redis.call('HSET', ok, 'id', offer, 'ride', ride, 'driver', driver, 'unit', unit, 'plat', ARGV[5], 'plon', ARGV[6],
  'dlat', ARGV[7], 'dlon', ARGV[8], 'seats', ARGV[9], 'eta', ARGV[10], 'created', created, 'expires', expires,
  'status', 'pending')
redis.call('PEXPIRE', ok, retention)
redis.call('ZADD', 'offers:deadlines', expires, offer)
redis.call('ZADD', 'driver-locks', created, driver)
return 'placed'
