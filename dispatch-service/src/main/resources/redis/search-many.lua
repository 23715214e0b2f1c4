-- ARGV: unit code, radius m, count, seen-since ms, then lon, lat of each centre.
-- The same search as search.lua for every centre in one call (one matching window's rides: one round trip instead of
-- one per ride). Returns, for each centre in order, the number of hits n, then n times: id, lon, lat, seats, seen ms.
local unit, radius, count, since = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
local out = {}
local states = {}
for c = 5, #ARGV - 1, 2 do
  local hits = redis.call('GEOSEARCH', geo_key(unit), 'FROMLONLAT', ARGV[c], ARGV[c + 1], 'BYRADIUS', radius, 'm',
    'ASC', 'COUNT', count, 'WITHCOORD')
  local n_at = #out + 1
  out[n_at] = 0
  for _, h in ipairs(hits) do
    local id = h[1]
    local st = states[id]
    if st == nil then
      st = false
      local seen = redis.call('ZSCORE', seen_key(unit), id)
      if seen and tonumber(seen) >= since then
        local s = redis.call('HMGET', driver_key(id), 'status', 'seats')
        if s[1] == 'available' and s[2] then st = {s[2], seen} end
      end
      states[id] = st
    end
    if st then
      out[#out + 1] = id
      out[#out + 1] = h[2][1]
      out[#out + 1] = h[2][2]
      out[#out + 1] = st[1]
      out[#out + 1] = st[2]
      out[n_at] = out[n_at] + 1
    end
  end
end
return out
