-- ARGV: ride id, unit code. The ride leaves dispatch (cancelled, completed, or reported without driver).
redis.call('ZREM', pending_key(ARGV[2]), ARGV[1])
return redis.call('DEL', request_key(ARGV[1]), excluded_key(ARGV[1]))
