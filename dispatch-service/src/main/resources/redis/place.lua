-- ARGV: offer id, ride id, driver id, unit code, pickup lat, pickup lon, dropoff lat, dropoff lon, seats, eta s,
--       created ms, expires ms, lock ttl ms, seen-since ms, retention ms, product (SOLO|POOL), requested ms,
--       direct ride s, plan ('' = none; else the stops 'P:{ride}'/'D:{ride}' of a shared-trip insertion, by spaces),
--       the shared trip's version the plan was made for ('0' without a plan)
-- Returns placed | ride_not_pending | driver_locked | driver_unavailable | ride_locked | trip_changed.
return place_offer(ARGV)
