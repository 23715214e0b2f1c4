-- ARGV: unit code, lon, lat, radius m, count, seen-since ms.
-- Returns a flat array: id, lon, lat, seats, seen ms for each available driver seen at or after seen-since, nearest
-- first. Stale drivers not yet swept are skipped here, so they never get an offer.
local unit, lon, lat, radius, count, since = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local hits = redis.call('GEOSEARCH', geo_key(unit), 'FROMLONLAT', lon, lat, 'BYRADIUS', radius, 'm', 'ASC',
  'COUNT', count, 'WITHCOORD')
local out = {}
for _, h in ipairs(hits) do
  local id = h[1]
  local seen = redis.call('ZSCORE', seen_key(unit), id)
  if seen and tonumber(seen) >= since then
    local s = redis.call('HMGET', driver_key(id), 'status', 'seats')
    if s[1] == 'available' and s[2] then
      out[#out + 1] = id
      out[#out + 1] = h[2][1]
      out[#out + 1] = h[2][2]
      out[#out + 1] = s[2]
      out[#out + 1] = seen
    end
  end
end
return out
