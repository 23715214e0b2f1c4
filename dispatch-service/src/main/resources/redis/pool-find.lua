-- ARGV: driver id. Returns the driver's shared trip as pool-search.lua lists one: {id, lon, lat, seen ms, unit,
-- capacity, {stops}, {trip hash fields and values}}; or {} without a shared trip.
local id = ARGV[1]
local tk = pool_trip_key(id)
local unit = redis.call('HGET', tk, 'unit')
if not unit then return {} end
local d = redis.call('HMGET', driver_key(id), 'lon', 'lat', 'seen')
return {id, d[1] or '0', d[2] or '0', d[3] or '0', unit, redis.call('HGET', tk, 'capacity') or '0',
  redis.call('LRANGE', pool_stops_key(id), 0, -1), redis.call('HGETALL', tk)}
