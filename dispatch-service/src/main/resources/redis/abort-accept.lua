-- ARGV: offer id. accepting -> pending with the original deadline. Returns 1 if it was accepting.
local ok = offer_key(ARGV[1])
local o = redis.call('HMGET', ok, 'status', 'expires')
if o[1] ~= 'accepting' then return 0 end
redis.call('HSET', ok, 'status', 'pending')
redis.call('ZADD', 'offers:deadlines', o[2], ARGV[1])
return 1
