package io.parking.availability.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.DefaultStringRedisConnection;
import org.springframework.data.redis.connection.StringRedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spot states and counters of all lots in Redis.
 *
 * <p>Keys, each behind the deployment's key prefix:
 *
 * <ul>
 *   <li>{@code avail:{lotId}:{floorId}}: free spots of the floor, the number apps and kiosks read;
 *   <li>{@code floorstats:{lotId}:{floorId}}: hash with {@code free:{type}} (free spots per type),
 *       {@code closed} (out of service) and {@code unknown} (sensor offline);
 *   <li>{@code floorspots:{lotId}:{floorId}}: set of the floor's spot ids;
 *   <li>{@code spot:{spotId}}: hash with {@code lot}, {@code floor}, {@code booking} ({@code none}
 *       or {@code reserved}), {@code sensor} ({@code free}, {@code occupied} or {@code unknown}),
 *       {@code type} ({@code regular}, {@code handicapped} or {@code ev}), {@code service} ({@code
 *       in} or {@code out}), {@code ver} (raised by every change) and {@code changedAt} (epoch
 *       milliseconds);
 *   <li>{@code lot:{lotId}}: hash with {@code floor:{floorId}:number}, {@code
 *       floor:{floorId}:total}, {@code floor:{floorId}:total:{type}}, {@code
 *       floor:{floorId}:observedAt}, {@code changes}, {@code observedAt} and {@code builtAt}; its
 *       presence marks the lot as built;
 *   <li>{@code lots}: set of the built lot ids.
 * </ul>
 *
 * A spot is free when it is in service, has no live booking and its sensor reads free. An
 * out-of-service spot is closed, and a spot whose sensor is offline is unknown. Every change goes
 * through one Lua script that updates the spot hash and moves a counter only when a derived value
 * changed, so a replayed event or a sensor confirming a booked car moves nothing. The script keeps
 * every counter within {@code [0, total]} and reports a counter found outside as drift.
 */
public class SpotAvailabilityStore {

  /** Field of the lot hash naming the layout its keys were written in. */
  private static final String LAYOUT_FIELD = "layout";

  /** Layout with spot types, service states and per-type counters. */
  private static final String LAYOUT_VERSION = "2";

  private static final Logger log = LoggerFactory.getLogger(SpotAvailabilityStore.class);

  private static final RedisScript<List> APPLY_SPOT_STATE =
      RedisScript.of(
          new ClassPathResource("io/parking/availability/store/apply-spot-state.lua"), List.class);

  private static final RedisScript<List> RECOUNT_LOT =
      RedisScript.of(
          new ClassPathResource("io/parking/availability/store/recount-lot.lua"), List.class);

  private static final List<Object> SPOT_FIELDS =
      List.of("lot", "floor", "booking", "sensor", "type", "service", "ver", "changedAt");

  private final StringRedisTemplate redis;
  private final String keyPrefix;
  private final DriftListener driftListener;

  /**
   * Creates a store on the given template that only logs drift.
   *
   * @param keyPrefix prefix of every key, empty in production; tests use a unique one per run
   */
  public SpotAvailabilityStore(StringRedisTemplate redis, String keyPrefix) {
    this(redis, keyPrefix, DriftListener.NONE);
  }

  /** Creates a store that also passes every corrected counter to {@code driftListener}. */
  public SpotAvailabilityStore(
      StringRedisTemplate redis, String keyPrefix, DriftListener driftListener) {
    this.redis = redis;
    this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
    this.driftListener = driftListener;
  }

  /** Sets whether the spot is held by a live booking, moving its floor counters if needed. */
  public SpotUpdate applyBookingState(long spotId, BookingState state) {
    return apply(spotId, "", "booking", state.stored()).orElseThrow();
  }

  /** Sets the spot's sensor reading, moving its floor counters if needed. */
  public SpotUpdate applySensorState(long spotId, SensorState state) {
    return apply(spotId, "", "sensor", state.stored()).orElseThrow();
  }

  /** Puts the spot in or out of service, moving its floor counters if needed. */
  public SpotUpdate applyServiceState(long spotId, boolean inService) {
    return apply(spotId, "", "service", inService ? "in" : "out").orElseThrow();
  }

  /**
   * Sets the spot's type and service state to the target's, and its booking and sensor states when
   * asked, but only if the spot's version still equals {@code expected.version()}: nothing changed
   * the spot since {@code expected} was read.
   *
   * @param includeBooking whether to set the booking state, or keep the stored one
   * @param includeSensor whether to set the sensor state, or keep the stored one
   * @return the update, or empty when the spot changed in the meantime and nothing was written
   */
  public Optional<SpotUpdate> compareAndSetSpot(
      SpotStates expected, LotLayout.Spot target, boolean includeBooking, boolean includeSensor) {
    List<String> pairs = new ArrayList<>();
    pairs.addAll(List.of("type", target.type().stored()));
    pairs.addAll(List.of("service", target.inService() ? "in" : "out"));
    if (includeBooking) {
      pairs.addAll(List.of("booking", target.booking().stored()));
    }
    if (includeSensor) {
      pairs.addAll(List.of("sensor", target.sensor().stored()));
    }
    return apply(
        expected.spotId(), Long.toString(expected.version()), pairs.toArray(String[]::new));
  }

  private Optional<SpotUpdate> apply(long spotId, String expectedVersion, String... pairs) {
    Object[] arguments = new Object[pairs.length + 2];
    arguments[0] = keyPrefix;
    arguments[1] = expectedVersion;
    System.arraycopy(pairs, 0, arguments, 2, pairs.length);
    List<?> result = redis.execute(APPLY_SPOT_STATE, List.of(spotKey(spotId)), arguments);
    String outcomeName = String.valueOf(result.get(0));
    long lotId = Long.parseLong(String.valueOf(result.get(1)));
    long floorId = Long.parseLong(String.valueOf(result.get(2)));
    long drift = Long.parseLong(String.valueOf(result.get(3)));
    if (drift > 0) {
      log.warn(
          "spot {} (lot {}, floor {}): {} counter(s) were outside [0, total] and were corrected",
          spotId,
          lotId,
          floorId,
          drift);
      for (long i = 0; i < drift; i++) {
        driftListener.onDrift("out-of-bounds", lotId, floorId);
      }
    }
    if ("conflict".equals(outcomeName)) {
      log.debug("spot {} changed since it was read, compare-and-set skipped", spotId);
      return Optional.empty();
    }
    SpotUpdate.Outcome outcome =
        switch (outcomeName) {
          case "freed" -> SpotUpdate.Outcome.FREED;
          case "taken" -> SpotUpdate.Outcome.TAKEN;
          case "unchanged" -> SpotUpdate.Outcome.UNCHANGED;
          case "unknown" -> SpotUpdate.Outcome.UNKNOWN_SPOT;
          default -> throw new IllegalStateException("unexpected script result " + result);
        };
    log.debug("spot {} {}: {}", spotId, String.join("=", pairs), outcome);
    return Optional.of(new SpotUpdate(spotId, outcome, lotId, floorId));
  }

  /**
   * Writes a lot's spots, counters and floor totals, replacing what Redis had for them. The lot
   * hash is deleted first and written last, so a reader sees either no lot (and reports its last
   * known counts as stale) or a built lot with all its counters.
   *
   * <p>NOTE: the writes are pipelined, not atomic. A booking or sensor change applied to one of the
   * lot's spots while this runs can be overwritten by the layout's older state. Every spot's
   * version is raised, so a reconciliation pass that read the spot before fails its
   * compare-and-set, and the next pass corrects a lost change from the booking database.
   */
  public void registerLot(LotLayout layout) {
    long lotId = layout.lotId();
    String now = Instant.now().toString();
    long nowMillis = System.currentTimeMillis();
    redis.executePipelined(
        (RedisCallback<Object>)
            connection -> {
              StringRedisConnection commands = new DefaultStringRedisConnection(connection);
              commands.del(lotKey(lotId));
              Map<String, String> lotFields = new HashMap<>();
              for (LotLayout.Floor floor : layout.floors()) {
                writeFloor(commands, lotId, floor, lotFields, nowMillis);
              }
              lotFields.put("builtAt", now);
              lotFields.put(LAYOUT_FIELD, LAYOUT_VERSION);
              lotFields.put("observedAt", Long.toString(nowMillis));
              lotFields.put("changes", "0");
              commands.hMSet(lotKey(lotId), lotFields);
              commands.sAdd(lotsKey(), Long.toString(lotId));
              return null;
            });
    log.info(
        "lot {} registered in Redis: {} floors, {} spots",
        lotId,
        layout.floors().size(),
        layout.floors().stream().mapToInt(floor -> floor.spots().size()).sum());
  }

  private void writeFloor(
      StringRedisConnection commands,
      long lotId,
      LotLayout.Floor floor,
      Map<String, String> lotFields,
      long nowMillis) {
    long floorId = floor.floorId();
    Map<String, Long> stats = new HashMap<>();
    stats.put("closed", 0L);
    stats.put("unknown", 0L);
    Map<SpotType, Long> typeTotals = new EnumMap<>(SpotType.class);
    for (SpotType type : SpotType.values()) {
      stats.put("free:" + type.stored(), 0L);
      typeTotals.put(type, 0L);
    }
    long free = 0;
    commands.del(floorSpotsKey(lotId, floorId));
    for (LotLayout.Spot spot : floor.spots()) {
      commands.hIncrBy(spotKey(spot.spotId()), "ver", 1);
      commands.hMSet(
          spotKey(spot.spotId()),
          Map.of(
              "lot", Long.toString(lotId),
              "floor", Long.toString(floorId),
              "booking", spot.booking().stored(),
              "sensor", spot.sensor().stored(),
              "type", spot.type().stored(),
              "service", spot.inService() ? "in" : "out",
              "changedAt", Long.toString(nowMillis)));
      commands.sAdd(floorSpotsKey(lotId, floorId), Long.toString(spot.spotId()));
      typeTotals.merge(spot.type(), 1L, Long::sum);
      if (!spot.inService()) {
        stats.merge("closed", 1L, Long::sum);
      } else if (spot.sensor() == SensorState.UNKNOWN) {
        stats.merge("unknown", 1L, Long::sum);
      } else if (spot.isFree()) {
        free++;
        stats.merge("free:" + spot.type().stored(), 1L, Long::sum);
      }
    }
    commands.set(counterKey(lotId, floorId), Long.toString(free));
    commands.del(floorStatsKey(lotId, floorId));
    commands.hMSet(
        floorStatsKey(lotId, floorId),
        stats.entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().toString())));
    String floorField = "floor:" + floorId;
    lotFields.put(floorField + ":number", Integer.toString(floor.floorNumber()));
    lotFields.put(floorField + ":total", Integer.toString(floor.spots().size()));
    lotFields.put(floorField + ":observedAt", Long.toString(nowMillis));
    typeTotals.forEach(
        (type, total) -> lotFields.put(floorField + ":total:" + type.stored(), total.toString()));
  }

  /**
   * Recounts every counter of the lot from its spot states and writes the ones that differ, in one
   * atomic step. Each correction is logged and passed to the drift listener as {@code recount}.
   *
   * @return the corrected counters, empty when all matched or the lot is not built
   */
  public List<CounterCorrection> recountLot(long lotId) {
    List<?> result =
        redis.execute(RECOUNT_LOT, List.of(lotKey(lotId)), keyPrefix, Long.toString(lotId));
    if (result.size() == 1 && "missing".equals(String.valueOf(result.get(0)))) {
      return List.of();
    }
    List<CounterCorrection> corrections = new ArrayList<>();
    for (int i = 0; i + 3 < result.size(); i += 4) {
      var correction =
          new CounterCorrection(
              lotId,
              Long.parseLong(String.valueOf(result.get(i))),
              String.valueOf(result.get(i + 1)),
              String.valueOf(result.get(i + 2)),
              String.valueOf(result.get(i + 3)));
      log.warn(
          "lot {} floor {}: counter {} was {}, recounted from the spot states as {}; corrected",
          lotId,
          correction.floorId(),
          correction.counter(),
          correction.stored(),
          correction.recounted());
      driftListener.onDrift("recount", lotId, correction.floorId());
      corrections.add(correction);
    }
    return corrections;
  }

  /**
   * Checks whether the lot's state is in Redis in the current layout. It is false after a flush and
   * before the first build. It is also false for a lot that an older version of this store wrote
   * without the per-type counters, so that callers build it again.
   */
  public boolean isRegistered(long lotId) {
    return LAYOUT_VERSION.equals(redis.opsForHash().get(lotKey(lotId), LAYOUT_FIELD));
  }

  /** Ids of the lots whose state is in Redis. */
  public Set<Long> registeredLots() {
    Set<String> members = redis.opsForSet().members(lotsKey());
    if (members == null) {
      return Set.of();
    }
    return members.stream().map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Reads the lot's version: its build time and change counter, which change together with any
   * count. Empty when the lot is not registered. Cheaper than {@link #readLot}, for polling.
   */
  public Optional<LotVersion> readLotVersion(long lotId) {
    List<Object> values = redis.opsForHash().multiGet(lotKey(lotId), List.of("builtAt", "changes"));
    if (values.get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(new LotVersion(String.valueOf(values.get(0)), parseLong(values.get(1))));
  }

  /** Reads the lot's counts per floor, or empty when the lot is not registered. */
  public Optional<LotCounts> readLot(long lotId) {
    Map<Object, Object> fields = redis.opsForHash().entries(lotKey(lotId));
    if (fields.isEmpty() || !fields.containsKey("builtAt")) {
      return Optional.empty();
    }
    List<Long> floorIds =
        fields.keySet().stream()
            .map(String::valueOf)
            .filter(field -> field.startsWith("floor:") && field.endsWith(":number"))
            .map(field -> Long.valueOf(field.substring(6, field.length() - 7)))
            .toList();
    List<String> counters =
        redis.opsForValue().multiGet(floorIds.stream().map(id -> counterKey(lotId, id)).toList());
    List<Object> floorStats =
        redis.executePipelined(
            (RedisCallback<Object>)
                connection -> {
                  StringRedisConnection commands = new DefaultStringRedisConnection(connection);
                  for (long floorId : floorIds) {
                    commands.hGetAll(floorStatsKey(lotId, floorId));
                  }
                  return null;
                });

    List<LotCounts.FloorCount> floors = new ArrayList<>();
    for (int i = 0; i < floorIds.size(); i++) {
      String counter = counters == null ? null : counters.get(i);
      @SuppressWarnings("unchecked")
      Map<String, String> stats = (Map<String, String>) floorStats.get(i);
      floors.add(readFloor(lotId, floorIds.get(i), fields, counter, stats));
    }
    floors.sort(Comparator.comparingInt(LotCounts.FloorCount::floorNumber));
    return Optional.of(
        new LotCounts(
            lotId,
            floors,
            parseLong(fields.get("changes")),
            millisToInstant(fields.get("observedAt")),
            String.valueOf(fields.get("builtAt"))));
  }

  private LotCounts.FloorCount readFloor(
      long lotId,
      long floorId,
      Map<Object, Object> lotFields,
      String freeCounter,
      Map<String, String> stats) {
    String floorField = "floor:" + floorId;
    long total = parseLong(lotFields.get(floorField + ":total"));
    long free = clamp(lotId, floorId, "free", parseLong(freeCounter), total);
    long closed = clamp(lotId, floorId, "closed", parseLong(stats.get("closed")), total);
    long unknown = clamp(lotId, floorId, "unknown", parseLong(stats.get("unknown")), total);
    Map<SpotType, LotCounts.TypeCount> types = new EnumMap<>(SpotType.class);
    for (SpotType type : SpotType.values()) {
      long typeTotal = parseLong(lotFields.get(floorField + ":total:" + type.stored()));
      if (typeTotal > 0) {
        long typeFree =
            clamp(
                lotId,
                floorId,
                "free:" + type.stored(),
                parseLong(stats.get("free:" + type.stored())),
                typeTotal);
        types.put(type, new LotCounts.TypeCount(typeFree, typeTotal));
      }
    }
    return new LotCounts.FloorCount(
        floorId,
        Integer.parseInt(String.valueOf(lotFields.get(floorField + ":number"))),
        free,
        total,
        closed,
        unknown,
        types,
        millisToInstant(lotFields.get(floorField + ":observedAt")));
  }

  /** Returns the value within {@code [0, max]}, reporting a value outside as drift. */
  private long clamp(long lotId, long floorId, String counter, long value, long max) {
    if (value >= 0 && value <= max) {
      return value;
    }
    log.warn(
        "lot {} floor {}: counter {} reads {}, outside [0, {}]; returned clamped until it is"
            + " corrected",
        lotId,
        floorId,
        counter,
        value,
        max);
    driftListener.onDrift("out-of-bounds", lotId, floorId);
    return Math.max(0, Math.min(max, value));
  }

  /** Reads a spot's stored states, or empty when the spot is not registered. */
  public Optional<SpotStates> readSpot(long spotId) {
    List<Object> values = redis.opsForHash().multiGet(spotKey(spotId), SPOT_FIELDS);
    return toSpotStates(spotId, values);
  }

  /** Reads the stored states of every spot of a lot, in no particular order. */
  public List<SpotStates> readSpots(long lotId) {
    Map<Object, Object> fields = redis.opsForHash().entries(lotKey(lotId));
    List<String> spotIds = new ArrayList<>();
    for (Object field : fields.keySet()) {
      String name = String.valueOf(field);
      if (name.startsWith("floor:") && name.endsWith(":number")) {
        long floorId = Long.parseLong(name.substring(6, name.length() - 7));
        Set<String> members = redis.opsForSet().members(floorSpotsKey(lotId, floorId));
        if (members != null) {
          spotIds.addAll(members);
        }
      }
    }
    List<Object> results =
        redis.executePipelined(
            (RedisCallback<Object>)
                connection -> {
                  StringRedisConnection commands = new DefaultStringRedisConnection(connection);
                  for (String spotId : spotIds) {
                    commands.hMGet(
                        spotKey(Long.parseLong(spotId)), SPOT_FIELDS.toArray(String[]::new));
                  }
                  return null;
                });
    List<SpotStates> spots = new ArrayList<>();
    for (int i = 0; i < spotIds.size(); i++) {
      @SuppressWarnings("unchecked")
      List<Object> values = (List<Object>) results.get(i);
      toSpotStates(Long.parseLong(spotIds.get(i)), values).ifPresent(spots::add);
    }
    return spots;
  }

  private static Optional<SpotStates> toSpotStates(long spotId, List<Object> values) {
    if (values == null || values.get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SpotStates(
            spotId,
            Long.parseLong(String.valueOf(values.get(0))),
            Long.parseLong(String.valueOf(values.get(1))),
            BookingState.valueOf(String.valueOf(values.get(2)).toUpperCase(Locale.ROOT)),
            SensorState.valueOf(String.valueOf(values.get(3)).toUpperCase(Locale.ROOT)),
            SpotType.fromStored(String.valueOf(values.get(4))),
            !"out".equals(values.get(5)),
            parseLong(values.get(6)),
            parseLong(values.get(7))));
  }

  private static long parseLong(Object value) {
    return value == null ? 0 : Long.parseLong(String.valueOf(value));
  }

  private static Instant millisToInstant(Object value) {
    return value == null ? null : Instant.ofEpochMilli(Long.parseLong(String.valueOf(value)));
  }

  /** Name of the free counter of a floor, with the deployment's prefix. */
  public String counterKey(long lotId, long floorId) {
    return keyPrefix + "avail:" + lotId + ":" + floorId;
  }

  /** Name of the lot hash, whose presence marks the lot as built, with the deployment's prefix. */
  public String lotKey(long lotId) {
    return keyPrefix + "lot:" + lotId;
  }

  private String floorStatsKey(long lotId, long floorId) {
    return keyPrefix + "floorstats:" + lotId + ":" + floorId;
  }

  private String floorSpotsKey(long lotId, long floorId) {
    return keyPrefix + "floorspots:" + lotId + ":" + floorId;
  }

  private String spotKey(long spotId) {
    return keyPrefix + "spot:" + spotId;
  }

  private String lotsKey() {
    return keyPrefix + "lots";
  }

  /**
   * A spot's location and stored states.
   *
   * @param version raised by every change of the spot's state; compare-and-set writes check it
   * @param changedAt epoch milliseconds of the last change
   */
  public record SpotStates(
      long spotId,
      long lotId,
      long floorId,
      BookingState booking,
      SensorState sensor,
      SpotType type,
      boolean inService,
      long version,
      long changedAt) {

    /** States of a regular spot in service, without a version. */
    public SpotStates(
        long spotId, long lotId, long floorId, BookingState booking, SensorState sensor) {
      this(spotId, lotId, floorId, booking, sensor, SpotType.REGULAR, true, 0, 0);
    }
  }

  /** A counter the recount found different from the spot states, with both values. */
  public record CounterCorrection(
      long lotId, long floorId, String counter, String stored, String recounted) {}
}
