-- ARGV: unit code, cutoff ms (drivers seen strictly before it are stale), limit. Returns how many were removed.
local unit, cutoff, limit = ARGV[1], ARGV[2], ARGV[3]
local ids = redis.call('ZRANGEBYSCORE', seen_key(unit), '-inf', '(' .. cutoff, 'LIMIT', 0, limit)
for _, id in ipairs(ids) do unindex(unit, id) end
return #ids
