-- Shared functions of dispatch-service's scripts (prefixed to each). Key layout: io.ridemesh.dispatch.redis.RedisKeys
-- and dispatch-service/README.md. Invariant: a driver is in supply:{unit}:geo, :seen and :where, and counted once in
-- :cells under the cell recorded in :where, or in none of them.
local function geo_key(unit) return 'supply:' .. unit .. ':geo' end
local function cells_key(unit) return 'supply:' .. unit .. ':cells' end
local function seen_key(unit) return 'supply:' .. unit .. ':seen' end
local function where_key(unit) return 'supply:' .. unit .. ':where' end
local function driver_key(id) return 'driver:' .. id end
local function pending_key(unit) return 'dispatch:' .. unit .. ':pending' end
local function offer_key(id) return 'offer:' .. id end
local function request_key(ride) return 'ride-request:' .. ride end
local function excluded_key(ride) return 'ride-request:' .. ride .. ':excluded' end
-- Shared (POOL) trips: a GEO set of the vehicles per unit; per driver a hash (unit, capacity, rider:{ride},
-- boarded:{ride}) and the list of remaining stops ('P:{ride}' pickup, 'D:{ride}' dropoff) in order.
local function pool_geo_key(unit) return 'pool:' .. unit .. ':geo' end
local function pool_trip_key(id) return 'pool-trip:' .. id end
local function pool_stops_key(id) return 'pool-stops:' .. id end

local function decrement_cell(unit, cell)
  local n = redis.call('HINCRBY', cells_key(unit), cell, -1)
  -- pricing reads a missing field as 0: drop empty cells so the hash does not grow without bound
  if n <= 0 then redis.call('HDEL', cells_key(unit), cell) end
end

-- Removes a driver from a unit's index of available drivers; true if it was there.
local function unindex(unit, id)
  if not unit or unit == '' then return false end
  local cell = redis.call('HGET', where_key(unit), id)
  if not cell then return false end
  redis.call('HDEL', where_key(unit), id)
  redis.call('ZREM', geo_key(unit), id)
  redis.call('ZREM', seen_key(unit), id)
  decrement_cell(unit, cell)
  return true
end

-- Adds a driver to a unit's index, or moves it (between cells too), keeping the cell counts exact.
local function index(unit, id, lon, lat, cell, seen)
  local old = redis.call('HGET', where_key(unit), id)
  redis.call('GEOADD', geo_key(unit), lon, lat, id)
  redis.call('ZADD', seen_key(unit), seen, id)
  if old ~= cell then
    if old then decrement_cell(unit, old) end
    redis.call('HSET', where_key(unit), id, cell)
    redis.call('HINCRBY', cells_key(unit), cell, 1)
  end
end

-- Puts an available driver back in the index from its stored state, unless its last fix is older than seen_since.
local function reindex(id, seen_since)
  local s = redis.call('HMGET', driver_key(id), 'unit', 'cell', 'lon', 'lat', 'seen')
  local unit, cell, lon, lat, seen = s[1], s[2], s[3], s[4], s[5]
  if unit and unit ~= '' and cell and lon and lat and seen and tonumber(seen) >= tonumber(seen_since) then
    index(unit, id, lon, lat, cell, seen)
  end
end

-- Number of arguments of one offer in place.lua / place-many.lua.
local PLACE_ARGS = 20

-- Places one offer; a: the arguments of place.lua (ARGV there, a slice of ARGV in place-many.lua).
-- An offer with a plan (a[19] ~= '') inserts a POOL ride into the driver's active shared trip: the driver must be
-- on_trip with such a trip, still at the version the plan was made for (a[20]; every join increments it), and stays
-- on_trip (only the offer field and the driver lock mark the offer). Any other offer needs an available driver, who
-- becomes offered and leaves the supply index.
-- Returns placed | ride_not_pending | driver_locked | driver_unavailable | ride_locked | trip_changed.
local function place_offer(a)
  local offer, ride, driver, unit = a[1], a[2], a[3], a[4]
  local created, expires, ttl, since, retention = a[11], a[12], a[13], tonumber(a[14]), a[15]
  local product, requested, direct, plan, trip_version = a[16], a[17], a[18], a[19], a[20]
  local insertion = plan ~= ''
  if not redis.call('ZSCORE', pending_key(unit), ride) then return 'ride_not_pending' end
  local lock = 'driver-lock:' .. driver
  -- The driver lock: whoever sets it first owns the driver for the offer timeout; no driver holds two offers.
  if not redis.call('SET', lock, offer, 'NX', 'PX', ttl) then return 'driver_locked' end
  local dk = driver_key(driver)
  local s = redis.call('HMGET', dk, 'status', 'seen', 'unit')
  local wanted = 'available'
  if insertion then wanted = 'on_trip' end
  if s[1] ~= wanted or not s[2] or tonumber(s[2]) < since
      or (insertion and redis.call('EXISTS', pool_trip_key(driver)) == 0) then
    redis.call('DEL', lock)
    return 'driver_unavailable'
  end
  if insertion and (redis.call('HGET', pool_trip_key(driver), 'ver') or '0') ~= trip_version then
    -- another rider joined since the plan was made: the next window plans again
    redis.call('DEL', lock)
    return 'trip_changed'
  end
  if not redis.call('SET', 'ride-lock:' .. ride, offer, 'NX', 'PX', ttl) then
    redis.call('DEL', lock)
    return 'ride_locked'
  end
  if insertion then
    redis.call('HSET', dk, 'offer', offer)
  else
    unindex(s[3], driver)
    redis.call('HSET', dk, 'status', 'offered', 'offer', offer)
  end
  redis.call('ZREM', pending_key(unit), ride)
  local ok = offer_key(offer)
  redis.call('HSET', ok, 'id', offer, 'ride', ride, 'driver', driver, 'unit', unit, 'plat', a[5], 'plon', a[6],
    'dlat', a[7], 'dlon', a[8], 'seats', a[9], 'eta', a[10], 'created', created, 'expires', expires,
    'status', 'pending', 'product', product)
  if product == 'POOL' then
    redis.call('HSET', ok, 'requested', requested, 'direct', direct, 'plan', plan, 'tripver', trip_version)
  end
  redis.call('PEXPIRE', ok, retention)
  redis.call('ZADD', 'offers:deadlines', expires, offer)
  redis.call('ZADD', 'driver-locks', created, driver)
  return 'placed'
end

-- Moves a driver's vehicle in its shared trip's GEO index; nothing without an active shared trip.
local function pool_locate(id, lon, lat)
  local unit = redis.call('HGET', pool_trip_key(id), 'unit')
  if unit then redis.call('GEOADD', pool_geo_key(unit), lon, lat, id) end
end

-- Whether the driver holds an offer that is still open (pending or accepting).
local function holds_open_offer(id)
  local offer = redis.call('HGET', driver_key(id), 'offer')
  if not offer then return false end
  local st = redis.call('HGET', offer_key(offer), 'status')
  return st == 'pending' or st == 'accepting'
end

-- Ends the driver's shared trip if no stop is left and no offer to join it is open: the trip leaves the pool index,
-- and an on_trip driver becomes available (back in the supply index if last seen at or after since).
-- Returns ended | active | none (no shared trip).
local function pool_end_if_empty(id, since)
  local tk = pool_trip_key(id)
  local unit = redis.call('HGET', tk, 'unit')
  if not unit then return 'none' end
  if redis.call('LLEN', pool_stops_key(id)) > 0 or holds_open_offer(id) then return 'active' end
  redis.call('DEL', tk, pool_stops_key(id))
  redis.call('ZREM', pool_geo_key(unit), id)
  local dk = driver_key(id)
  if redis.call('HGET', dk, 'status') == 'on_trip' then
    redis.call('HSET', dk, 'status', 'available')
    reindex(id, since)
  end
  return 'ended'
end

-- Adds the accepted POOL ride of offer hash ok to the driver's shared trip, creating the trip for a first rider.
-- The stops follow the offer's plan, less the stops done since it was made; a stop of the trip missing from the plan
-- (none should be) is kept at the end. Increments the trip's version. ttl: PX of the trip's keys, renewed on every
-- join.
local function pool_join(driver, ok, ttl)
  local o = redis.call('HMGET', ok, 'ride', 'unit', 'seats', 'plat', 'plon', 'dlat', 'dlon', 'requested', 'direct',
    'plan')
  local ride = o[1]
  local tk, sk = pool_trip_key(driver), pool_stops_key(driver)
  local pick, drop = 'P:' .. ride, 'D:' .. ride
  local present = {}
  local current = redis.call('LRANGE', sk, 0, -1)
  for _, s in ipairs(current) do present[s] = true end
  local seq, used = {}, {}
  for s in string.gmatch(o[10] or '', '%S+') do
    if (present[s] or s == pick or s == drop) and not used[s] then
      seq[#seq + 1] = s
      used[s] = true
    end
  end
  for _, s in ipairs(current) do
    if not used[s] then
      seq[#seq + 1] = s
      used[s] = true
    end
  end
  if not used[pick] then seq[#seq + 1] = pick end
  if not used[drop] then seq[#seq + 1] = drop end
  local d = redis.call('HMGET', driver_key(driver), 'seats', 'lon', 'lat')
  local unit = redis.call('HGET', tk, 'unit')
  if not unit then
    unit = o[2]
    redis.call('HSET', tk, 'unit', unit, 'capacity', d[1] or o[3])
  end
  redis.call('HSET', tk, 'rider:' .. ride,
    table.concat({o[3], o[4], o[5], o[6], o[7], o[8] or '0', o[9] or '0'}, ','))
  redis.call('HINCRBY', tk, 'ver', 1)
  redis.call('DEL', sk)
  redis.call('RPUSH', sk, unpack(seq))
  redis.call('PEXPIRE', tk, ttl)
  redis.call('PEXPIRE', sk, ttl)
  if d[2] and d[3] then redis.call('GEOADD', pool_geo_key(unit), d[2], d[3], driver) end
end
