-- Sets one field of a spot's state and moves its floor's free counter only when the
-- spot's availability changed. A spot is free when it has no live booking and its
-- sensor reads free.
-- KEYS[1]: the spot hash. ARGV[1]: field ("booking" or "sensor"), ARGV[2]: new value,
-- ARGV[3]: key prefix of this deployment.
-- Returns {outcome, lotId, floorId}; outcome is freed, taken, unchanged or unknown.
-- NOTE: the counter key is derived here from the spot hash, not passed in KEYS, so
-- this script assumes a single Redis node (not Redis Cluster).
local spot = redis.call('HMGET', KEYS[1], 'lot', 'floor', 'booking', 'sensor')
if not spot[1] then
  return {'unknown', '0', '0'}
end

local function isFree(booking, sensor)
  return booking == 'none' and sensor == 'free'
end

local wasFree = isFree(spot[3], spot[4])
if ARGV[1] == 'booking' then
  spot[3] = ARGV[2]
else
  spot[4] = ARGV[2]
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
local nowFree = isFree(spot[3], spot[4])

if wasFree == nowFree then
  return {'unchanged', spot[1], spot[2]}
end
local counter = ARGV[3] .. 'avail:' .. spot[1] .. ':' .. spot[2]
if nowFree then
  redis.call('INCR', counter)
  return {'freed', spot[1], spot[2]}
end
redis.call('DECR', counter)
return {'taken', spot[1], spot[2]}
