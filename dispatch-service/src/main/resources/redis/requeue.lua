-- ARGV: ride id, unit code, driver id to exclude ('' = none), reset windows (1/0).
-- Puts a known ride back in its queue at its original place. Returns 1 if the ride is known.
local ride, unit, driver, reset = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local rk = request_key(ride)
local requested = redis.call('HGET', rk, 'requested')
if not requested then return 0 end
if driver ~= '' then
  redis.call('SADD', excluded_key(ride), driver)
  local ttl = redis.call('PTTL', rk)
  if ttl > 0 then redis.call('PEXPIRE', excluded_key(ride), ttl) end
end
if reset == '1' then redis.call('HSET', rk, 'windows', 0) end
redis.call('ZADD', pending_key(unit), 'NX', requested, ride)
return 1
