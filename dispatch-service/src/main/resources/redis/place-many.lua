-- ARGV: the 20 arguments of place.lua for each offer, one after the other (one matching window's offers).
-- Places them in order, exactly as that many place.lua calls would, in one round trip and atomically.
-- Returns one outcome per offer, in order (see place.lua).
local out = {}
for i = 1, #ARGV, PLACE_ARGS do
  out[#out + 1] = place_offer({unpack(ARGV, i, i + PLACE_ARGS - 1)})
end
return out
