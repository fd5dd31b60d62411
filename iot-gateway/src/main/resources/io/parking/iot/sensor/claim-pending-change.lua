-- Takes a spot's pending change when it is still the one started with this token, so that
-- only one timer, on one gateway instance, applies it.
-- KEYS[1]: the spot's pending-change hash. ARGV[1]: token.
-- Returns {state, sensorId, sequence, timestamp, lotId}, or an empty list.
local pending = redis.call('HMGET', KEYS[1], 'token', 'state', 'sensor', 'seq', 'ts', 'lot')
if pending[1] ~= ARGV[1] then
  return {}
end
redis.call('DEL', KEYS[1])
return {pending[2], pending[3], pending[4], pending[5], pending[6]}
