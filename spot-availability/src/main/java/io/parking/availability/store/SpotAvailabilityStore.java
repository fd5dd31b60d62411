package io.parking.availability.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * Spot states and free-spot counters of all lots in Redis.
 *
 * <p>Keys, each behind the deployment's key prefix:
 *
 * <ul>
 *   <li>{@code avail:{lotId}:{floorId}}: free spots of the floor, the number apps and kiosks read;
 *   <li>{@code spot:{spotId}}: hash with {@code lot}, {@code floor}, {@code booking} ({@code none}
 *       or {@code reserved}) and {@code sensor} ({@code free} or {@code occupied});
 *   <li>{@code lot:{lotId}}: hash with {@code floor:{floorId}:number}, {@code
 *       floor:{floorId}:total} and {@code builtAt}; its presence marks the lot as built;
 *   <li>{@code lots}: set of the built lot ids.
 * </ul>
 *
 * A spot is free when it has no live booking and its sensor reads free. Every change goes through
 * one Lua script that updates the spot hash and moves the counter only when the spot's availability
 * changed, so a replayed event or a sensor confirming a booked car moves nothing.
 */
public class SpotAvailabilityStore {

  private static final Logger log = LoggerFactory.getLogger(SpotAvailabilityStore.class);

  private static final RedisScript<List> APPLY_SPOT_STATE =
      RedisScript.of(
          new ClassPathResource("io/parking/availability/store/apply-spot-state.lua"), List.class);

  private final StringRedisTemplate redis;
  private final String keyPrefix;

  /**
   * Creates a store on the given template.
   *
   * @param keyPrefix prefix of every key, empty in production; tests use a unique one per run
   */
  public SpotAvailabilityStore(StringRedisTemplate redis, String keyPrefix) {
    this.redis = redis;
    this.keyPrefix = keyPrefix == null ? "" : keyPrefix;
  }

  /** Sets whether the spot is held by a live booking, moving its floor counter if needed. */
  public SpotUpdate applyBookingState(long spotId, BookingState state) {
    return apply(spotId, "booking", state.stored());
  }

  /** Sets the spot's sensor reading, moving its floor counter if needed. */
  public SpotUpdate applySensorState(long spotId, SensorState state) {
    return apply(spotId, "sensor", state.stored());
  }

  private SpotUpdate apply(long spotId, String field, String value) {
    List<?> result =
        redis.execute(APPLY_SPOT_STATE, List.of(spotKey(spotId)), field, value, keyPrefix);
    SpotUpdate.Outcome outcome =
        switch (String.valueOf(result.get(0))) {
          case "freed" -> SpotUpdate.Outcome.FREED;
          case "taken" -> SpotUpdate.Outcome.TAKEN;
          case "unchanged" -> SpotUpdate.Outcome.UNCHANGED;
          case "unknown" -> SpotUpdate.Outcome.UNKNOWN_SPOT;
          default -> throw new IllegalStateException("unexpected script result " + result);
        };
    long lotId = Long.parseLong(String.valueOf(result.get(1)));
    long floorId = Long.parseLong(String.valueOf(result.get(2)));
    log.debug("spot {} {}={}: {}", spotId, field, value, outcome);
    return new SpotUpdate(spotId, outcome, lotId, floorId);
  }

  /**
   * Writes a lot's spots, counters and floor totals, replacing what Redis had for them. The lot
   * hash is written last, so a reader never sees a built lot with missing counters.
   *
   * <p>NOTE: the writes are pipelined, not atomic. A booking or sensor change applied to one of the
   * lot's spots while this runs can be overwritten by the layout's older state. Callers therefore
   * build only lots that are missing, and no reconciliation pass corrects such a loss yet.
   */
  public void registerLot(LotLayout layout) {
    long lotId = layout.lotId();
    redis.executePipelined(
        (RedisCallback<Object>)
            connection -> {
              StringRedisConnection commands = new DefaultStringRedisConnection(connection);
              commands.del(lotKey(lotId));
              for (LotLayout.Floor floor : layout.floors()) {
                long free = 0;
                for (LotLayout.Spot spot : floor.spots()) {
                  commands.hMSet(
                      spotKey(spot.spotId()),
                      Map.of(
                          "lot", Long.toString(lotId),
                          "floor", Long.toString(floor.floorId()),
                          "booking", spot.booking().stored(),
                          "sensor", spot.sensor().stored()));
                  if (spot.isFree()) {
                    free++;
                  }
                }
                commands.set(counterKey(lotId, floor.floorId()), Long.toString(free));
              }
              Map<String, String> lotFields = new java.util.HashMap<>();
              for (LotLayout.Floor floor : layout.floors()) {
                lotFields.put(
                    "floor:" + floor.floorId() + ":number", Integer.toString(floor.floorNumber()));
                lotFields.put(
                    "floor:" + floor.floorId() + ":total", Integer.toString(floor.spots().size()));
              }
              lotFields.put("builtAt", Instant.now().toString());
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

  /** Checks whether the lot's state is in Redis: false after a flush or before the first build. */
  public boolean isRegistered(long lotId) {
    return Boolean.TRUE.equals(redis.hasKey(lotKey(lotId)));
  }

  /** Ids of the lots whose state is in Redis. */
  public Set<Long> registeredLots() {
    Set<String> members = redis.opsForSet().members(lotsKey());
    if (members == null) {
      return Set.of();
    }
    return members.stream().map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
  }

  /** Reads the lot's free and total spots per floor, or empty when the lot is not registered. */
  public Optional<LotCounts> readLot(long lotId) {
    Map<Object, Object> fields = redis.opsForHash().entries(lotKey(lotId));
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    List<Long> floorIds =
        fields.keySet().stream()
            .map(String::valueOf)
            .filter(field -> field.startsWith("floor:") && field.endsWith(":number"))
            .map(field -> Long.valueOf(field.substring(6, field.length() - 7)))
            .toList();
    List<String> counterKeys = floorIds.stream().map(id -> counterKey(lotId, id)).toList();
    List<String> counters = redis.opsForValue().multiGet(counterKeys);

    List<LotCounts.FloorCount> floors = new ArrayList<>();
    for (int i = 0; i < floorIds.size(); i++) {
      long floorId = floorIds.get(i);
      String counter = counters == null ? null : counters.get(i);
      floors.add(
          new LotCounts.FloorCount(
              floorId,
              Integer.parseInt(String.valueOf(fields.get("floor:" + floorId + ":number"))),
              counter == null ? 0 : Long.parseLong(counter),
              Long.parseLong(String.valueOf(fields.get("floor:" + floorId + ":total")))));
    }
    floors.sort(Comparator.comparingInt(LotCounts.FloorCount::floorNumber));
    return Optional.of(new LotCounts(lotId, floors));
  }

  /** Reads a spot's stored states, or empty when the spot is not registered. */
  public Optional<SpotStates> readSpot(long spotId) {
    List<Object> values =
        redis.opsForHash().multiGet(spotKey(spotId), List.of("lot", "floor", "booking", "sensor"));
    if (values.get(0) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SpotStates(
            spotId,
            Long.parseLong(String.valueOf(values.get(0))),
            Long.parseLong(String.valueOf(values.get(1))),
            BookingState.valueOf(String.valueOf(values.get(2)).toUpperCase(java.util.Locale.ROOT)),
            SensorState.valueOf(String.valueOf(values.get(3)).toUpperCase(java.util.Locale.ROOT))));
  }

  /** Name of the free counter of a floor, with the deployment's prefix. */
  public String counterKey(long lotId, long floorId) {
    return keyPrefix + "avail:" + lotId + ":" + floorId;
  }

  private String spotKey(long spotId) {
    return keyPrefix + "spot:" + spotId;
  }

  private String lotKey(long lotId) {
    return keyPrefix + "lot:" + lotId;
  }

  private String lotsKey() {
    return keyPrefix + "lots";
  }

  /** A spot's location and stored states. */
  public record SpotStates(
      long spotId, long lotId, long floorId, BookingState booking, SensorState sensor) {}
}
