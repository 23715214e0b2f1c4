-- ARGV: offer id, ride id, driver id, unit code, pickup lat, pickup lon, dropoff lat, dropoff lon, seats, eta s,
--       created ms, expires ms, lock ttl ms, seen-since ms, retention ms
-- Returns placed | ride_not_pending | driver_locked | driver_unavailable | ride_locked.
return place_offer(ARGV)
