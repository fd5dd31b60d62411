-- Starts the debounce of a spot's state change, unless the same change is pending already.
-- KEYS[1]: the spot's pending-change hash.
-- ARGV: state, token, sensorId, sequence, timestamp (ISO-8601), lotId, expiry (ms).
-- Returns 1 when this call started the change, 0 when the same state was pending already.
local pending = redis.call('HGET', KEYS[1], 'state')
if pending == ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'state', ARGV[1], 'token', ARGV[2], 'sensor', ARGV[3],
  'seq', ARGV[4], 'ts', ARGV[5], 'lot', ARGV[6])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return 1
