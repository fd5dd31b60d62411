-- Marks a sensor offline once when it was last seen at or before the cutoff, and takes it
-- out of the last-seen set until its next message.
-- KEYS[1]: the sensor hash, KEYS[2]: the last-seen sorted set.
-- ARGV: sensorId, cutoff (epoch ms).
-- Returns {lotId, spotId, seenAt, battery} when this call marked it, else an empty list.
local sensor = redis.call('HMGET', KEYS[1], 'lot', 'spot', 'seenAt', 'battery', 'offline')
if not sensor[3] then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {}
end
if tonumber(sensor[3]) > tonumber(ARGV[2]) or sensor[5] == '1' then
  return {}
end
redis.call('HSET', KEYS[1], 'offline', '1')
redis.call('ZREM', KEYS[2], ARGV[1])
return {sensor[1], sensor[2], sensor[3], sensor[4] or ''}
