-- ARGV: driver id, state ttl ms. Returns the status before: unknown | available | offline | offered | on_trip.
local id, ttl = ARGV[1], ARGV[2]
local dk = driver_key(id)
local s = redis.call('HMGET', dk, 'status', 'unit')
local status = s[1]
if not status then return 'unknown' end
if status == 'offered' or status == 'on_trip' then return status end
unindex(s[2], id)
redis.call('HSET', dk, 'status', 'offline')
redis.call('PEXPIRE', dk, ttl)
return status
