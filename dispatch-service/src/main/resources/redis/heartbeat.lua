-- ARGV: driver id, now ms, state ttl ms. A driver's long poll for offers is its heartbeat: an online driver who waits
-- for an offer is still where its last fix put it (a parked car sends no new fixes). Renews seen (never backwards) and
-- the state's TTL, and puts an available driver back in its unit's index if a sweep had taken it out as stale.
-- Returns not_online | the driver's status.
local id, now, ttl = ARGV[1], ARGV[2], ARGV[3]
local dk = driver_key(id)
local s = redis.call('HMGET', dk, 'status', 'seen')
local status, seen = s[1], s[2]
if not status or status == 'offline' then return 'not_online' end
if not seen or tonumber(now) > tonumber(seen) then redis.call('HSET', dk, 'seen', now) end
redis.call('PEXPIRE', dk, ttl)
if status == 'available' then reindex(id, 0) end
return status
