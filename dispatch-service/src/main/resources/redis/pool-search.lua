-- ARGV: unit code, radius m, count, seen-since ms, then lon, lat of each centre.
-- The vehicles of the unit's active shared trips near each centre (one window's POOL pickups), nearest first, that
-- are fresh (last fix at or after seen-since), on_trip, and hold no driver lock (no open offer). A GEO member whose
-- trip is gone (expired) is removed on the way.
-- Returns {per centre: {driver ids}, trips: {per distinct driver: {id, lon, lat, seen ms, unit, capacity,
--   {stops}, {trip hash fields and values}}}}.
local unit, radius, count, since = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local gk = pool_geo_key(unit)
local per_centre, trips, states = {}, {}, {}
for c = 5, #ARGV - 1, 2 do
  local hits = redis.call('GEOSEARCH', gk, 'FROMLONLAT', ARGV[c], ARGV[c + 1], 'BYRADIUS', radius, 'm', 'ASC',
    'COUNT', count)
  local ids = {}
  for _, id in ipairs(hits) do
    local st = states[id]
    if st == nil then
      st = false
      local tk = pool_trip_key(id)
      local trip_unit = redis.call('HGET', tk, 'unit')
      if not trip_unit then
        redis.call('ZREM', gk, id)
      elseif redis.call('EXISTS', 'driver-lock:' .. id) == 0 then
        local d = redis.call('HMGET', driver_key(id), 'status', 'seen', 'lon', 'lat')
        if d[1] == 'on_trip' and d[2] and tonumber(d[2]) >= since and d[3] and d[4] then
          st = true
          trips[#trips + 1] = {id, d[3], d[4], d[2], trip_unit, redis.call('HGET', tk, 'capacity') or '0',
            redis.call('LRANGE', pool_stops_key(id), 0, -1), redis.call('HGETALL', tk)}
        end
      end
      states[id] = st
    end
    if st then ids[#ids + 1] = id end
  end
  per_centre[#per_centre + 1] = ids
end
return {per_centre, trips}
