-- ARGV: offer id, allowed current statuses (comma separated), new status (accepted|declined|expired|void), now ms,
--       seen-since ms, shared-trip ttl ms.
-- An accepted POOL offer starts the driver's shared trip or inserts the ride into it (pool_join). A POOL insertion
-- offer that is not accepted leaves the driver on the trip, unless its last rider left meanwhile (the trip then ends).
-- Returns {'settled', previous, ride, driver, unit} | {'unchanged', current} | {'missing'}.
local offer, allowed, to, now, since = ARGV[1], ',' .. ARGV[2] .. ',', ARGV[3], ARGV[4], ARGV[5]
local trip_ttl = ARGV[6] or '14400000'
local ok = offer_key(offer)
local o = redis.call('HMGET', ok, 'status', 'ride', 'driver', 'unit', 'product')
local status, ride, driver, unit, product = o[1], o[2], o[3], o[4], o[5]
if not status then
  redis.call('ZREM', 'offers:deadlines', offer)
  return {'missing'}
end
if not string.find(allowed, ',' .. status .. ',', 1, true) then
  -- a closed offer must not linger among the deadlines
  if status ~= 'pending' and status ~= 'accepting' then redis.call('ZREM', 'offers:deadlines', offer) end
  return {'unchanged', status}
end
redis.call('HSET', ok, 'status', to, 'settled', now)
redis.call('ZREM', 'offers:deadlines', offer)
local lock = 'driver-lock:' .. driver
local held = redis.call('GET', lock) == offer
if held then redis.call('DEL', lock) end
local ride_lock = 'ride-lock:' .. ride
if redis.call('GET', ride_lock) == offer then redis.call('DEL', ride_lock) end
local dk = driver_key(driver)
local d = redis.call('HMGET', dk, 'status', 'offer')
if held or d[2] == offer then redis.call('ZREM', 'driver-locks', driver) end
if d[2] == offer then
  redis.call('HDEL', dk, 'offer')
  if d[1] == 'offered' then
    if to == 'accepted' then
      redis.call('HSET', dk, 'status', 'on_trip')
    else
      redis.call('HSET', dk, 'status', 'available')
      reindex(driver, since)
    end
  end
  if to == 'accepted' then
    if product == 'POOL' and (d[1] == 'offered' or d[1] == 'on_trip') then pool_join(driver, ok, trip_ttl) end
  elseif d[1] == 'on_trip' then
    pool_end_if_empty(driver, since)
  end
end
if to == 'declined' or to == 'expired' then
  -- re-dispatch: back in the queue at its original place, without this driver
  local requested = redis.call('HGET', request_key(ride), 'requested')
  if requested then
    redis.call('SADD', excluded_key(ride), driver)
    local ttl = redis.call('PTTL', request_key(ride))
    if ttl > 0 then redis.call('PEXPIRE', excluded_key(ride), ttl) end
    redis.call('ZADD', pending_key(unit), 'NX', requested, ride)
  end
elseif to == 'void' then
  -- the ride was taken or cancelled: it leaves dispatch
  redis.call('DEL', request_key(ride), excluded_key(ride))
end
-- accepted: the request stays (until its TTL) so a driver who later releases the ride can be replaced
return {'settled', status, ride, driver, unit}
