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

-- Places one offer; a: the arguments of place.lua (ARGV there, a slice of ARGV in place-many.lua).
-- Returns placed | ride_not_pending | driver_locked | driver_unavailable | ride_locked.
local function place_offer(a)
  local offer, ride, driver, unit = a[1], a[2], a[3], a[4]
  local created, expires, ttl, since, retention = a[11], a[12], a[13], tonumber(a[14]), a[15]
  if not redis.call('ZSCORE', pending_key(unit), ride) then return 'ride_not_pending' end
  local lock = 'driver-lock:' .. driver
  -- The driver lock: whoever sets it first owns the driver for the offer timeout; no driver holds two offers.
  if not redis.call('SET', lock, offer, 'NX', 'PX', ttl) then return 'driver_locked' end
  local dk = driver_key(driver)
  local s = redis.call('HMGET', dk, 'status', 'seen', 'unit')
  if s[1] ~= 'available' or not s[2] or tonumber(s[2]) < since then
    redis.call('DEL', lock)
    return 'driver_unavailable'
  end
  if not redis.call('SET', 'ride-lock:' .. ride, offer, 'NX', 'PX', ttl) then
    redis.call('DEL', lock)
    return 'ride_locked'
  end
  unindex(s[3], driver)
  redis.call('HSET', dk, 'status', 'offered', 'offer', offer)
  redis.call('ZREM', pending_key(unit), ride)
  local ok = offer_key(offer)
  redis.call('HSET', ok, 'id', offer, 'ride', ride, 'driver', driver, 'unit', unit, 'plat', a[5], 'plon', a[6],
    'dlat', a[7], 'dlon', a[8], 'seats', a[9], 'eta', a[10], 'created', created, 'expires', expires,
    'status', 'pending')
  redis.call('PEXPIRE', ok, retention)
  redis.call('ZADD', 'offers:deadlines', expires, offer)
  redis.call('ZADD', 'driver-locks', created, driver)
  return 'placed'
end
