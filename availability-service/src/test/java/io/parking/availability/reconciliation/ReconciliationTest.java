package io.parking.availability.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.BookingServiceStub.Floor;
import io.parking.availability.BookingServiceStub.Layout;
import io.parking.availability.BookingServiceStub.Spot;
import io.parking.availability.IntegrationTest;
import io.parking.availability.TestEvents;
import io.parking.availability.TestLots;
import io.parking.availability.config.RedisStoreConfiguration;
import io.parking.availability.store.BookingState;
import io.parking.events.EventTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

class ReconciliationTest extends IntegrationTest {

  private static final long DRIFT_LOT = TestLots.DRIFT_LOT.lotId();
  private static final long DRIFT_FLOOR = 5011;
  private static final long RACE_LOT = TestLots.RECONCILE_LOT.lotId();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Autowired private Reconciler reconciler;
  @Autowired private MockMvcTester mvc;
  @Autowired private MeterRegistry meterRegistry;
  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private JsonMapper mapper;
  @Autowired private RedisConnectionFactory connectionFactory;

  @BeforeEach
  void awaitLotsBuilt() {
    await().atMost(TIMEOUT).until(() -> store.isRegistered(DRIFT_LOT));
    await().atMost(TIMEOUT).until(() -> store.isRegistered(RACE_LOT));
  }

  @Test
  void outOfBoundsCounterIsCorrected() {
    double recountDriftBefore = drift("recount");
    redis.opsForValue().set(store.counterKey(DRIFT_LOT, DRIFT_FLOOR), "8259");

    assertThat(mvc.get().uri("/api/lots/{lotId}/availability", DRIFT_LOT))
        .hasStatusOk()
        .bodyJson()
        .extractingPath("$.floors[0].free")
        .isEqualTo(2);
    assertThat(drift("out-of-bounds")).isPositive();

    Reconciler.Result result = reconciler.reconcileLot(DRIFT_LOT);

    assertThat(result.countersCorrected()).isEqualTo(1);
    assertThat(redis.opsForValue().get(store.counterKey(DRIFT_LOT, DRIFT_FLOOR))).isEqualTo("2");
    assertThat(drift("recount")).isEqualTo(recountDriftBefore + 1);
    assertThat(reconciler.reconcileLot(DRIFT_LOT).corrections()).isZero();
  }

  @Test
  void spotStateMissingFromDatabaseIsCorrected() {
    double spotDriftBefore = drift("spot-state");
    store.applyBookingState(50102, BookingState.RESERVED);

    Reconciler.Result result = reconciler.reconcileLot(DRIFT_LOT);

    assertThat(result.spotsCorrected()).isEqualTo(1);
    assertThat(store.readSpot(50102).orElseThrow().booking()).isEqualTo(BookingState.NONE);
    assertThat(freeSpots(DRIFT_LOT, DRIFT_FLOOR)).isEqualTo(2);
    assertThat(drift("spot-state")).isEqualTo(spotDriftBefore + 1);
  }

  @Test
  void passDuringBookingTrafficConvergesToLayout() throws Exception {
    TestEvents events = new TestEvents(kafka, mapper);
    Map<Long, Boolean> held = new ConcurrentHashMap<>();
    TestLots.RECONCILE_LOT
        .floors()
        .forEach(f -> f.spots().forEach(s -> held.put(s.spotId(), false)));
    AtomicBoolean sending = new AtomicBoolean(true);
    AtomicInteger passes = new AtomicInteger();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<?> reconciling =
        background.submit(
            () -> {
              while (sending.get() || passes.get() == 0) {
                reconciler.reconcileLot(RACE_LOT);
                passes.incrementAndGet();
              }
            });

    Random random = new Random(42);
    List<Long> spotIds = new ArrayList<>(held.keySet());
    try {
      for (int i = 0; i < 50; i++) {
        long spotId = spotIds.get(random.nextInt(spotIds.size()));
        boolean hold = random.nextBoolean();
        held.put(spotId, hold);
        // The booking service commits before it sends the event, so the layout changes first.
        BOOKING_SERVICE.putLot(layoutOf(held));
        String type = hold ? EventTypes.BOOKING_RESERVED : EventTypes.BOOKING_CANCELLED;
        events.send(events.event(type, UUID.randomUUID(), RACE_LOT, floorOf(spotId), spotId, hold));
      }
    } finally {
      sending.set(false);
      reconciling.get(60, TimeUnit.SECONDS);
      background.shutdownNow();
    }
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                held.forEach(
                    (spotId, hold) ->
                        assertThat(store.readSpot(spotId).orElseThrow().booking())
                            .as("booking state of spot %d", spotId)
                            .isEqualTo(hold ? BookingState.RESERVED : BookingState.NONE)));

    assertThat(passes.get()).isPositive();
    assertThat(freeSpots(RACE_LOT, 7011)).isEqualTo(freeInLayout(held, 7011));
    assertThat(freeSpots(RACE_LOT, 7012)).isEqualTo(freeInLayout(held, 7012));
    assertThat(reconciler.reconcileLot(RACE_LOT).corrections()).isZero();
    assertThat(freeSpots(RACE_LOT, 7011)).isEqualTo(freeInLayout(held, 7011));
  }

  @Test
  void lockAdmitsOneHolder() {
    RedisLockRegistry firstInstance = lockRegistry();
    RedisLockRegistry secondInstance = lockRegistry();
    Lock first = firstInstance.obtain("test");
    Lock second = secondInstance.obtain("test");
    try {
      boolean firstLocked = first.tryLock();
      boolean secondLockedWhileHeld = second.tryLock();
      first.unlock();
      boolean secondLockedAfterUnlock = second.tryLock();

      assertThat(firstLocked).isTrue();
      assertThat(secondLockedWhileHeld).isFalse();
      assertThat(secondLockedAfterUnlock).isTrue();
      second.unlock();
    } finally {
      firstInstance.destroy();
      secondInstance.destroy();
    }
  }

  @Test
  void scheduledPassSkipsWhileAnotherInstanceHoldsLock() {
    String lockKey =
        KEY_PREFIX + RedisStoreConfiguration.LOCK_REGISTRY_KEY + ":" + Reconciler.LOCK_KEY;
    RedisLockRegistry otherInstance = lockRegistry();
    Lock otherLock = otherInstance.obtain(Reconciler.LOCK_KEY);
    redis.opsForValue().set(store.counterKey(DRIFT_LOT, DRIFT_FLOOR), "0");
    try {
      assertThat(otherLock.tryLock()).isTrue();
      assertThat(redis.hasKey(lockKey)).isTrue();

      reconciler.reconcileAll();

      assertThat(redis.opsForValue().get(store.counterKey(DRIFT_LOT, DRIFT_FLOOR))).isEqualTo("0");
      otherLock.unlock();
    } finally {
      otherInstance.destroy();
    }

    reconciler.reconcileAll();

    assertThat(redis.opsForValue().get(store.counterKey(DRIFT_LOT, DRIFT_FLOOR))).isEqualTo("2");
    assertThat(redis.hasKey(lockKey)).isFalse();
  }

  /** Builds a lock registry the way another instance of the service does. */
  private RedisLockRegistry lockRegistry() {
    return new RedisLockRegistry(
        connectionFactory,
        KEY_PREFIX + RedisStoreConfiguration.LOCK_REGISTRY_KEY,
        Duration.ofSeconds(30));
  }

  private static long floorOf(long spotId) {
    return spotId < 70200 ? 7011 : 7012;
  }

  private static long freeInLayout(Map<Long, Boolean> held, long floorId) {
    return held.entrySet().stream()
        .filter(entry -> floorOf(entry.getKey()) == floorId && !entry.getValue())
        .count();
  }

  private static Layout layoutOf(Map<Long, Boolean> held) {
    List<Floor> floors = new ArrayList<>();
    for (Floor floor : TestLots.RECONCILE_LOT.floors()) {
      List<Spot> spots =
          floor.spots().stream()
              .map(
                  spot ->
                      new Spot(
                          spot.spotId(), held.get(spot.spotId()) ? "reserved" : "none", "free"))
              .toList();
      floors.add(new Floor(floor.floorId(), floor.floorNumber(), spots));
    }
    return new Layout(RACE_LOT, TestLots.RECONCILE_LOT.name(), floors);
  }

  private double drift(String kind) {
    var counter =
        meterRegistry.find(RedisStoreConfiguration.DRIFT_METRIC).tag("kind", kind).counter();
    return counter == null ? 0 : counter.count();
  }
}
