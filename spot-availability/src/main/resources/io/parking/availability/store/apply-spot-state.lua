-- Changes a spot's state and moves its floor's counters only when a derived value changed.
-- A spot is closed when it is out of service, unknown when its sensor is offline, free
-- when it is in service with no live booking and a sensor reading free, else occupied.
-- KEYS[1]: the spot hash.
-- ARGV[1]: key prefix of this deployment. ARGV[2]: the spot version the caller expects,
-- or '' to apply whatever the version. ARGV[3], ARGV[4], ...: field and value pairs among
-- booking (none, reserved), sensor (free, occupied, unknown), type (regular,
-- handicapped, ev) and service (in, out).
-- Returns {outcome, lotId, floorId, drift, version}. outcome is freed, taken, unchanged,
-- unknown (no such spot) or conflict (the version differs from ARGV[2]; nothing written).
-- drift counts the counters found outside [0, total] and corrected.
-- NOTE: the counter keys are derived here from the spot hash, not passed in KEYS, so
-- this script assumes a single Redis node (not Redis Cluster).
local prefix = ARGV[1]
local fields = redis.call('HMGET', KEYS[1], 'lot', 'floor', 'booking', 'sensor', 'type',
  'service', 'ver')
if not fields[1] then
  return {'unknown', '0', '0', 0, 0}
end
local lot, floor = fields[1], fields[2]
local version = tonumber(fields[7] or '0')
if ARGV[2] ~= '' and tonumber(ARGV[2]) ~= version then
  return {'conflict', lot, floor, 0, version}
end

local old = {booking = fields[3], sensor = fields[4], type = fields[5] or 'regular',
  service = fields[6] or 'in'}
local new = {booking = old.booking, sensor = old.sensor, type = old.type,
  service = old.service}
for i = 3, #ARGV, 2 do
  new[ARGV[i]] = ARGV[i + 1]
end
if old.booking == new.booking and old.sensor == new.sensor and old.type == new.type
    and old.service == new.service then
  return {'unchanged', lot, floor, 0, version}
end

local function status(spot)
  if spot.service == 'out' then
    return 'closed'
  end
  if spot.sensor == 'unknown' then
    return 'unknown'
  end
  if spot.booking == 'none' and spot.sensor == 'free' then
    return 'free'
  end
  return 'occupied'
end

local time = redis.call('TIME')
local nowMillis = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
version = version + 1
redis.call('HSET', KEYS[1], 'booking', new.booking, 'sensor', new.sensor, 'type', new.type,
  'service', new.service, 'ver', version, 'changedAt', nowMillis)

local was, now = status(old), status(new)
local lotKey = prefix .. 'lot:' .. lot
if (was == now and old.type == new.type) or redis.call('EXISTS', lotKey) == 0 then
  -- A lot without its hash is being built or rebuilt, and the build writes its counters.
  if was == 'free' and now ~= 'free' then
    return {'taken', lot, floor, 0, version}
  elseif was ~= 'free' and now == 'free' then
    return {'freed', lot, floor, 0, version}
  end
  return {'unchanged', lot, floor, 0, version}
end

local drift = 0
local floorField = 'floor:' .. floor
local total = tonumber(redis.call('HGET', lotKey, floorField .. ':total') or '0')
local statsKey = prefix .. 'floorstats:' .. lot .. ':' .. floor
local freeKey = prefix .. 'avail:' .. lot .. ':' .. floor

-- Adds delta to a counter read by getter and written by setter, keeping it in [0, max].
local function move(current, delta, max, setter)
  local value = tonumber(current or '0')
  if value < 0 or value > max then
    drift = drift + 1
    value = math.max(0, math.min(max, value))
  end
  value = value + delta
  if value < 0 or value > max then
    drift = drift + 1
    value = math.max(0, math.min(max, value))
  end
  setter(value)
end

local function count(state, spotType, delta)
  if state == 'free' then
    move(redis.call('GET', freeKey), delta, total, function(value)
      redis.call('SET', freeKey, value)
    end)
    local typeTotal = tonumber(redis.call('HGET', lotKey, floorField .. ':total:' .. spotType)
      or '0')
    move(redis.call('HGET', statsKey, 'free:' .. spotType), delta, typeTotal, function(value)
      redis.call('HSET', statsKey, 'free:' .. spotType, value)
    end)
  elseif state == 'closed' or state == 'unknown' then
    move(redis.call('HGET', statsKey, state), delta, total, function(value)
      redis.call('HSET', statsKey, state, value)
    end)
  end
end

-- NOTE: a type change moves the free counts between types but not the per-type totals,
-- which only a build writes; until the lot is rebuilt the per-type counts may be clamped.
count(was, old.type, -1)
count(now, new.type, 1)
redis.call('HINCRBY', lotKey, 'changes', 1)
redis.call('HSET', lotKey, 'observedAt', nowMillis, floorField .. ':observedAt', nowMillis)

local outcome = 'unchanged'
if was == 'free' and now ~= 'free' then
  outcome = 'taken'
elseif was ~= 'free' and now == 'free' then
  outcome = 'freed'
end
return {outcome, lot, floor, drift, version}
