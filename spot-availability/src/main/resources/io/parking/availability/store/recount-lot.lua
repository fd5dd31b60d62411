-- Recounts a lot's floor counters from its spot hashes and writes the counts that differ,
-- in one atomic step, so no concurrent change is lost or counted twice.
-- KEYS[1]: the lot hash. ARGV[1]: key prefix of this deployment, ARGV[2]: the lot id.
-- Returns a flat list of corrections: floorId, counter name, stored value, recounted value.
-- Returns {'missing'} when the lot hash does not exist (the lot is not built).
-- NOTE: the other keys are derived here, not passed in KEYS, so this script assumes a
-- single Redis node (not Redis Cluster).
local prefix, lot = ARGV[1], ARGV[2]
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'missing'}
end
local types = {'regular', 'handicapped', 'ev'}
local corrections = {}
local lotFields = redis.call('HKEYS', KEYS[1])
for _, field in ipairs(lotFields) do
  local floor = string.match(field, '^floor:(%d+):number$')
  if floor then
    local counts = {free = 0, closed = 0, unknown = 0}
    for _, spotType in ipairs(types) do
      counts['free:' .. spotType] = 0
    end
    local spotIds = redis.call('SMEMBERS', prefix .. 'floorspots:' .. lot .. ':' .. floor)
    for _, spotId in ipairs(spotIds) do
      local spot = redis.call('HMGET', prefix .. 'spot:' .. spotId, 'booking', 'sensor', 'type',
        'service')
      if spot[1] then
        if spot[4] == 'out' then
          counts.closed = counts.closed + 1
        elseif spot[2] == 'unknown' then
          counts.unknown = counts.unknown + 1
        elseif spot[1] == 'none' and spot[2] == 'free' then
          counts.free = counts.free + 1
          local key = 'free:' .. (spot[3] or 'regular')
          counts[key] = (counts[key] or 0) + 1
        end
      end
    end

    local freeKey = prefix .. 'avail:' .. lot .. ':' .. floor
    local statsKey = prefix .. 'floorstats:' .. lot .. ':' .. floor
    local stored = redis.call('GET', freeKey)
    if tonumber(stored or '-1') ~= counts.free then
      redis.call('SET', freeKey, counts.free)
      table.insert(corrections, floor)
      table.insert(corrections, 'free')
      table.insert(corrections, stored or 'missing')
      table.insert(corrections, tostring(counts.free))
    end
    for name, value in pairs(counts) do
      if name ~= 'free' then
        local current = redis.call('HGET', statsKey, name)
        if tonumber(current or '-1') ~= value then
          redis.call('HSET', statsKey, name, value)
          table.insert(corrections, floor)
          table.insert(corrections, name)
          table.insert(corrections, current or 'missing')
          table.insert(corrections, tostring(value))
        end
      end
    end
  end
end
if #corrections > 0 then
  local time = redis.call('TIME')
  local nowMillis = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  redis.call('HINCRBY', KEYS[1], 'changes', 1)
  redis.call('HSET', KEYS[1], 'observedAt', nowMillis)
end
return corrections
