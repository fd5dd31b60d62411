package io.parking.availability.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.availability.store.SpotUpdate.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Runs against the Redis server at REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379). */
class SpotAvailabilityStoreTest {

  private static final long LOT = 7;
  private static final long FLOOR_ONE = 71;
  private static final long FLOOR_TWO = 72;

  private static LettuceConnectionFactory connectionFactory;
  private static StringRedisTemplate redis;

  private final String prefix = "test-" + UUID.randomUUID() + ":";
  private SpotAvailabilityStore store;

  @BeforeAll
  static void connect() {
    String host = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
    connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
    connectionFactory.afterPropertiesSet();
    connectionFactory.start();
    redis = new StringRedisTemplate(connectionFactory);
    redis.afterPropertiesSet();
  }

  @AfterAll
  static void disconnect() {
    connectionFactory.destroy();
  }

  @BeforeEach
  void registerLot() {
    store = new SpotAvailabilityStore(redis, prefix);
    store.registerLot(
        new LotLayout(
            LOT,
            List.of(
                new LotLayout.Floor(
                    FLOOR_ONE,
                    1,
                    List.of(
                        spot(1001, BookingState.NONE, SensorState.FREE),
                        spot(1002, BookingState.NONE, SensorState.FREE),
                        spot(1003, BookingState.RESERVED, SensorState.FREE))),
                new LotLayout.Floor(
                    FLOOR_TWO,
                    0,
                    List.of(
                        spot(2001, BookingState.NONE, SensorState.OCCUPIED),
                        spot(2002, BookingState.NONE, SensorState.FREE))))));
  }

  @AfterEach
  void deleteKeys() {
    Set<String> keys = redis.keys(prefix + "*");
    if (keys != null && !keys.isEmpty()) {
      redis.delete(keys);
    }
  }

  @Test
  void registerLotCountsFreeSpotsPerFloor() {
    LotCounts counts = store.readLot(LOT).orElseThrow();

    assertThat(counts.floors()).extracting(LotCounts.FloorCount::floorNumber).containsExactly(0, 1);
    assertThat(counts.floors().get(0).free()).isEqualTo(1);
    assertThat(counts.floors().get(0).total()).isEqualTo(2);
    assertThat(counts.floors().get(1).free()).isEqualTo(2);
    assertThat(counts.floors().get(1).total()).isEqualTo(3);
    assertThat(counts.free()).isEqualTo(3);
    assertThat(redis.opsForValue().get(prefix + "avail:7:71")).isEqualTo("2");
    assertThat(store.registeredLots()).containsExactly(LOT);
  }

  @Test
  void reservationTakesSpotOnce() {
    SpotUpdate first = store.applyBookingState(1001, BookingState.RESERVED);
    SpotUpdate replay = store.applyBookingState(1001, BookingState.RESERVED);

    assertThat(first.outcome()).isEqualTo(Outcome.TAKEN);
    assertThat(first.lotId()).isEqualTo(LOT);
    assertThat(first.floorId()).isEqualTo(FLOOR_ONE);
    assertThat(replay.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(freeOn(FLOOR_ONE)).isEqualTo(1);
  }

  @Test
  void carArrivingAtReservedSpotMovesNothing() {
    store.applyBookingState(1001, BookingState.RESERVED);

    SpotUpdate arrival = store.applySensorState(1001, SensorState.OCCUPIED);

    assertThat(arrival.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(freeOn(FLOOR_ONE)).isEqualTo(1);
  }

  @Test
  void cancellationFreesSpotAgain() {
    store.applyBookingState(1001, BookingState.RESERVED);

    SpotUpdate cancel = store.applyBookingState(1001, BookingState.NONE);

    assertThat(cancel.outcome()).isEqualTo(Outcome.FREED);
    assertThat(freeOn(FLOOR_ONE)).isEqualTo(2);
  }

  @Test
  void cancelledSpotWithCarStaysTaken() {
    store.applySensorState(1003, SensorState.OCCUPIED);

    SpotUpdate cancel = store.applyBookingState(1003, BookingState.NONE);

    assertThat(cancel.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(freeOn(FLOOR_ONE)).isEqualTo(2);
  }

  @Test
  void sensorOnFreeSpotTakesIt() {
    SpotUpdate arrival = store.applySensorState(2002, SensorState.OCCUPIED);
    SpotUpdate departure = store.applySensorState(2001, SensorState.FREE);

    assertThat(arrival.outcome()).isEqualTo(Outcome.TAKEN);
    assertThat(departure.outcome()).isEqualTo(Outcome.FREED);
    assertThat(freeOn(FLOOR_TWO)).isEqualTo(1);
    assertThat(store.readSpot(2002).orElseThrow().sensor()).isEqualTo(SensorState.OCCUPIED);
  }

  @Test
  void unknownSpotWritesNothing() {
    SpotUpdate update = store.applySensorState(999_999, SensorState.OCCUPIED);

    assertThat(update.outcome()).isEqualTo(Outcome.UNKNOWN_SPOT);
    assertThat(redis.hasKey(prefix + "spot:999999")).isFalse();
    assertThat(store.readLot(LOT).orElseThrow().free()).isEqualTo(3);
  }

  @Test
  void concurrentRepeatsOfOneChangeCountOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<SpotUpdate>> attempts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        attempts.add(() -> store.applySensorState(1002, SensorState.OCCUPIED));
      }

      List<Outcome> outcomes = new ArrayList<>();
      for (Future<SpotUpdate> result : pool.invokeAll(attempts)) {
        outcomes.add(result.get().outcome());
      }

      assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.TAKEN).hasSize(1);
      assertThat(freeOn(FLOOR_ONE)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void flushedLotReadsAsUnregistered() {
    redis.delete(prefix + "lot:" + LOT);

    assertThat(store.isRegistered(LOT)).isFalse();
    assertThat(store.readLot(LOT)).isEmpty();
  }

  @Test
  void lotOfOlderLayoutReadsAsUnregistered() {
    assertThat(store.isRegistered(LOT)).isTrue();

    redis.opsForHash().delete(prefix + "lot:" + LOT, "layout");

    assertThat(store.isRegistered(LOT)).isFalse();
  }

  @Test
  void freeStaysWithinCapacity() {
    store.registerLot(
        new LotLayout(
            8,
            List.of(
                new LotLayout.Floor(
                    81,
                    0,
                    List.of(
                        spot(8001, BookingState.NONE, SensorState.FREE),
                        spot(8002, BookingState.NONE, SensorState.FREE))))));
    List<Long> seen = new ArrayList<>();

    store.applyBookingState(8001, BookingState.RESERVED);
    seen.add(free(8, 81));
    store.applySensorState(8001, SensorState.OCCUPIED);
    seen.add(free(8, 81));
    store.applySensorState(8002, SensorState.OCCUPIED);
    seen.add(free(8, 81));
    store.applyBookingState(8001, BookingState.NONE);
    store.applySensorState(8001, SensorState.FREE);
    seen.add(free(8, 81));

    assertThat(seen).containsExactly(1L, 1L, 0L, 1L);
    assertThat(store.readLot(8).orElseThrow().floors().get(0).occupied()).isEqualTo(1);
  }

  @Test
  void offlineSensorCountsAsUnknown() {
    SpotUpdate offline = store.applySensorState(1001, SensorState.UNKNOWN);
    SpotUpdate repeat = store.applySensorState(1001, SensorState.UNKNOWN);

    LotCounts.FloorCount floor = floorOne();
    assertThat(offline.outcome()).isEqualTo(Outcome.TAKEN);
    assertThat(repeat.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(floor.free()).isEqualTo(1);
    assertThat(floor.unknown()).isEqualTo(1);
    assertThat(floor.occupied()).isEqualTo(1);
  }

  @Test
  void outOfServiceSpotIsClosedNotOccupied() {
    store.applyServiceState(1001, false);
    store.applyServiceState(1003, false);

    LotCounts.FloorCount floor = floorOne();
    assertThat(floor.free()).isEqualTo(1);
    assertThat(floor.closed()).isEqualTo(2);
    assertThat(floor.occupied()).isZero();

    store.applyServiceState(1001, true);

    assertThat(floorOne().free()).isEqualTo(2);
    assertThat(floorOne().closed()).isEqualTo(1);
  }

  @Test
  void freeCountsAreKeptPerType() {
    store.registerLot(
        new LotLayout(
            9,
            List.of(
                new LotLayout.Floor(
                    91,
                    0,
                    List.of(
                        new LotLayout.Spot(
                            9001, BookingState.NONE, SensorState.FREE, SpotType.EV, true),
                        new LotLayout.Spot(
                            9002, BookingState.NONE, SensorState.FREE, SpotType.HANDICAPPED, true),
                        spot(9003, BookingState.NONE, SensorState.FREE))))));

    store.applyBookingState(9001, BookingState.RESERVED);

    LotCounts counts = store.readLot(9).orElseThrow();
    assertThat(counts.types().get(SpotType.EV)).isEqualTo(new LotCounts.TypeCount(0, 1));
    assertThat(counts.types().get(SpotType.HANDICAPPED)).isEqualTo(new LotCounts.TypeCount(1, 1));
    assertThat(counts.types().get(SpotType.REGULAR)).isEqualTo(new LotCounts.TypeCount(1, 1));
  }

  @Test
  void counterOutOfBoundsIsClampedAndReported() {
    List<String> drift = new ArrayList<>();
    store = new SpotAvailabilityStore(redis, prefix, (kind, lotId, floorId) -> drift.add(kind));
    redis.opsForValue().set(store.counterKey(LOT, FLOOR_ONE), "8259");

    long shown = floorOne().free();
    store.applyBookingState(1001, BookingState.RESERVED);

    assertThat(shown).isEqualTo(3);
    assertThat(freeOn(FLOOR_ONE)).isEqualTo(2);
    assertThat(drift).contains("out-of-bounds");
  }

  @Test
  void recountCorrectsCounterAndReportsIt() {
    List<String> drift = new ArrayList<>();
    store = new SpotAvailabilityStore(redis, prefix, (kind, lotId, floorId) -> drift.add(kind));
    redis.opsForValue().set(store.counterKey(LOT, FLOOR_ONE), "0");

    List<SpotAvailabilityStore.CounterCorrection> corrections = store.recountLot(LOT);
    List<SpotAvailabilityStore.CounterCorrection> second = store.recountLot(LOT);

    assertThat(corrections)
        .containsExactly(
            new SpotAvailabilityStore.CounterCorrection(LOT, FLOOR_ONE, "free", "0", "2"));
    assertThat(second).isEmpty();
    assertThat(freeOn(FLOOR_ONE)).isEqualTo(2);
    assertThat(drift).containsExactly("recount");
  }

  @Test
  void compareAndSetSkipsSpotChangedSinceRead() {
    SpotAvailabilityStore.SpotStates read = store.readSpot(1001).orElseThrow();
    store.applySensorState(1001, SensorState.OCCUPIED);

    var stale =
        store.compareAndSetSpot(
            read, spot(1001, BookingState.RESERVED, SensorState.FREE), true, true);
    var fresh =
        store.compareAndSetSpot(
            store.readSpot(1001).orElseThrow(),
            spot(1001, BookingState.RESERVED, SensorState.FREE),
            true,
            false);

    assertThat(stale).isEmpty();
    assertThat(fresh).isPresent();
    assertThat(store.readSpot(1001).orElseThrow().booking()).isEqualTo(BookingState.RESERVED);
    assertThat(store.readSpot(1001).orElseThrow().sensor()).isEqualTo(SensorState.OCCUPIED);
  }

  @Test
  void changeRaisesLotVersionAndReplayDoesNot() {
    LotVersion before = store.readLotVersion(LOT).orElseThrow();
    store.applyBookingState(1001, BookingState.RESERVED);
    LotVersion afterChange = store.readLotVersion(LOT).orElseThrow();
    store.applyBookingState(1001, BookingState.RESERVED);
    store.applySensorState(1001, SensorState.OCCUPIED);

    assertThat(afterChange).isNotEqualTo(before);
    assertThat(store.readLotVersion(LOT)).contains(afterChange);
  }

  private LotCounts.FloorCount floorOne() {
    return store.readLot(LOT).orElseThrow().floors().stream()
        .filter(floor -> floor.floorId() == FLOOR_ONE)
        .findFirst()
        .orElseThrow();
  }

  private long free(long lotId, long floorId) {
    return Long.parseLong(redis.opsForValue().get(store.counterKey(lotId, floorId)));
  }

  private long freeOn(long floorId) {
    return Long.parseLong(redis.opsForValue().get(store.counterKey(LOT, floorId)));
  }

  private static LotLayout.Spot spot(long id, BookingState booking, SensorState sensor) {
    return new LotLayout.Spot(id, booking, sensor);
  }
}
