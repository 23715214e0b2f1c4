-- ARGV: driver id, unit code ('' = outside every area), lon, lat, cell, fix time ms, state ttl ms.
-- Returns not_online | out_of_order | the driver's status.
local id, unit, lon, lat, cell, ts, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
local dk = driver_key(id)
local s = redis.call('HMGET', dk, 'status', 'unit', 'seen')
local status, old_unit, seen = s[1], s[2], s[3]
if not status or status == 'offline' then return 'not_online' end
if seen and tonumber(ts) < tonumber(seen) then return 'out_of_order' end
if old_unit and old_unit ~= unit then unindex(old_unit, id) end
redis.call('HSET', dk, 'unit', unit, 'cell', cell, 'lon', lon, 'lat', lat, 'seen', ts)
redis.call('PEXPIRE', dk, ttl)
if status == 'available' and unit ~= '' then index(unit, id, lon, lat, cell, ts) end
if status == 'on_trip' then pool_locate(id, lon, lat) end
return status
