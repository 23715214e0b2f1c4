-- ARGV: driver id, state ttl ms. order-service assigned a ride to the driver (DriverAssigned): the driver is busy,
-- whatever dispatch believed (an offer swept while its accept was in flight, state lost or expired). available,
-- offline or unknown -> on_trip, out of the supply index, so no offer is placed with the driver until the ride ends
-- (end-trip.lua). on_trip stays on_trip (the usual case: the accepted offer already made it so). offered is left to the
-- caller, who declines the held offer first and calls again (an offer being accepted is left to its accept).
-- Returns the status before: unknown | available | offline | offered | on_trip.
local id, ttl = ARGV[1], ARGV[2]
local dk = driver_key(id)
local s = redis.call('HMGET', dk, 'status', 'unit')
local status = s[1]
if status == 'on_trip' or status == 'offered' then return status end
if status == 'available' then unindex(s[2], id) end
redis.call('HSET', dk, 'status', 'on_trip')
redis.call('PEXPIRE', dk, ttl)
if not status then return 'unknown' end
return status
