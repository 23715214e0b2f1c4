-- ARGV: unit code, limit. Returns, oldest first, one array per pending ride:
-- {ride, unitId, plat, plon, dlat, dlon, product, seats, requested, windows, {excluded driver ids}}.
-- Rides whose request hash expired are dropped from the queue.
local unit, limit = ARGV[1], tonumber(ARGV[2])
local rides = redis.call('ZRANGE', pending_key(unit), 0, limit - 1)
local out = {}
for _, ride in ipairs(rides) do
  local h = redis.call('HMGET', request_key(ride), 'unitId', 'plat', 'plon', 'dlat', 'dlon', 'product', 'seats',
    'requested', 'windows')
  if not h[1] then
    redis.call('ZREM', pending_key(unit), ride)
  else
    out[#out + 1] = {ride, h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9],
      redis.call('SMEMBERS', excluded_key(ride))}
  end
end
return out
