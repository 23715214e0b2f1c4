-- ARGV: driver id, unit code ('' = outside every area), seats, lon, lat, cell, seen ms, state ttl ms
local id, unit, seats, lon, lat, cell, seen, ttl = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8]
local dk = driver_key(id)
local prev = redis.call('HMGET', dk, 'status', 'unit')
local status = prev[1]
-- an app restart re-sends online: an offer or a trip in progress survives it
if status ~= 'offered' and status ~= 'on_trip' then status = 'available' end
if prev[2] and prev[2] ~= unit then unindex(prev[2], id) end
redis.call('HSET', dk, 'status', status, 'seats', seats, 'unit', unit, 'cell', cell, 'lon', lon, 'lat', lat, 'seen', seen)
redis.call('PEXPIRE', dk, ttl)
if status == 'available' and unit ~= '' then index(unit, id, lon, lat, cell, seen) end
if status == 'on_trip' then pool_locate(id, lon, lat) end
return status
