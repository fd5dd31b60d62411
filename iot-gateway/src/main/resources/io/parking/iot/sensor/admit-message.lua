-- Admits one sensor message at most once, across all gateway instances: a message whose
-- sequence is not above the sensor's last admitted one, or whose timestamp is older, is
-- refused. An admitted message records the sensor's spot, when it was last seen, and its
-- battery, and clears the offline mark.
-- KEYS[1]: the sensor hash, KEYS[2]: the last-seen sorted set.
-- ARGV: sensorId, sequence, timestamp (epoch ms), lotId, spotId, now (epoch ms),
--       battery ('' when absent), low-battery threshold (percent).
-- Returns {outcome, wasOffline, lowBatteryRaised}; outcome is admitted, duplicate or stale.
local last = redis.call('HMGET', KEYS[1], 'seq', 'ts', 'offline', 'lowBattery')
local sequence = tonumber(ARGV[2])
local timestamp = tonumber(ARGV[3])
if last[1] then
  local lastSequence = tonumber(last[1])
  if sequence == lastSequence then
    return {'duplicate', 0, 0}
  end
  if sequence < lastSequence or timestamp < tonumber(last[2]) then
    return {'stale', 0, 0}
  end
end

redis.call('HSET', KEYS[1], 'seq', ARGV[2], 'ts', ARGV[3], 'lot', ARGV[4], 'spot', ARGV[5],
  'seenAt', ARGV[6], 'offline', '0')
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])

local wasOffline = 0
if last[3] == '1' then
  wasOffline = 1
end
local lowBatteryRaised = 0
if ARGV[7] ~= '' then
  redis.call('HSET', KEYS[1], 'battery', ARGV[7])
  if tonumber(ARGV[7]) < tonumber(ARGV[8]) then
    if last[4] ~= '1' then
      redis.call('HSET', KEYS[1], 'lowBattery', '1')
      lowBatteryRaised = 1
    end
  else
    redis.call('HSET', KEYS[1], 'lowBattery', '0')
  end
end
return {'admitted', wasOffline, lowBatteryRaised}
