-- ARGV: offer id, driver id, now ms, accept window ms.
-- Returns started | already_accepted | missing | not_yours | past_deadline | not_pending.
local offer, driver, now, window = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local ok = offer_key(offer)
local o = redis.call('HMGET', ok, 'status', 'driver', 'expires', 'ride')
local status = o[1]
if not status then return 'missing' end
if o[2] ~= driver then return 'not_yours' end
if status == 'accepted' then return 'already_accepted' end
if status ~= 'pending' then return 'not_pending' end
if now >= tonumber(o[3]) then return 'past_deadline' end
redis.call('HSET', ok, 'status', 'accepting')
-- a crash during the order-service call is swept like an expiry once this passes
redis.call('ZADD', 'offers:deadlines', now + window, offer)
local lock = 'driver-lock:' .. driver
if redis.call('GET', lock) == offer then redis.call('PEXPIRE', lock, window) end
local ride_lock = 'ride-lock:' .. o[4]
if redis.call('GET', ride_lock) == offer then redis.call('PEXPIRE', ride_lock, window) end
return 'started'
