-- ARGV: ride id, unit code, max windows. Counts a window in which the ride found no driver.
-- Returns waiting | give_up (the caller now owns the no-driver report; the ride left the queue) | gone.
local ride, unit, max = ARGV[1], ARGV[2], tonumber(ARGV[3])
local rk = request_key(ride)
if redis.call('EXISTS', rk) == 0 then return 'gone' end
local windows = redis.call('HINCRBY', rk, 'windows', 1)
if windows < max then return 'waiting' end
-- ZREM succeeds for one caller only, so exactly one matcher reports no driver
if redis.call('ZREM', pending_key(unit), ride) == 1 then return 'give_up' end
return 'gone'
