package io.parking.availability.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.config.AvailabilityProperties;
import io.parking.availability.config.RedisStoreConfiguration;
import io.parking.availability.lot.BookingServiceClient;
import io.parking.availability.lot.InvalidLayoutException;
import io.parking.availability.lot.LotBuilder;
import io.parking.availability.store.BookingState;
import io.parking.availability.store.LotLayout;
import io.parking.availability.store.SensorState;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.availability.store.SpotAvailabilityStore.SpotStates;
import io.parking.availability.store.SpotUpdate;
import java.time.Clock;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;

/**
 * Compares each lot's Redis state with the booking database's layout every {@code
 * parking.availability.reconcile.interval} and corrects what differs, on one instance of the
 * cluster at a time.
 *
 * <p>A pass first reads every spot of the lot from Redis with its version, then the layout. A spot
 * that differs is corrected by compare-and-set against the version read first, so a booking or
 * sensor change applied during the pass is never overwritten: that spot is skipped and left to the
 * next pass. Then the lot's counters are recounted from the spot states in one atomic step. Each
 * correction is logged with both values and counted in {@code parking.availability.drift}.
 *
 * <p>NOTE: the layout has one status per spot, so it hides the booking state of a spot with a car
 * ({@code none}/{@code occupied}) and the sensor state of a reserved spot ({@code reserved}/{@code
 * free}). The pass therefore corrects the booking state except where the layout reports a car, and
 * the sensor state only where the layout reports no booking and Redis's sensor state is older than
 * {@code reconcile.settle}, because the booking database learns sensor readings after Redis. Spot
 * type and service state come from the layout as they are. An offline sensor ({@code unknown}) is
 * only ever reported by the IoT gateway, so the pass keeps it.
 *
 * <p>The lock is Spring Integration's {@link RedisLockRegistry}, held under {@code
 * <prefix>lock:reconcile} for at most {@code reconcile.lock-ttl}. A pass that runs longer than that
 * can overlap the next holder's pass, which is safe because both only write through
 * compare-and-set.
 */
@Component
public class Reconciler implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  /** Name of the pass lock in the lock registry. */
  static final String LOCK_KEY = "reconcile";

  private final SpotAvailabilityStore store;
  private final BookingServiceClient bookingService;
  private final LotBuilder lotBuilder;
  private final AvailabilityProperties.Reconcile settings;
  private final RedisLockRegistry lockRegistry;
  private final MeterRegistry meterRegistry;
  private final Clock clock;

  Reconciler(
      SpotAvailabilityStore store,
      BookingServiceClient bookingService,
      LotBuilder lotBuilder,
      AvailabilityProperties properties,
      RedisLockRegistry lockRegistry,
      MeterRegistry meterRegistry) {
    this.store = store;
    this.bookingService = bookingService;
    this.lotBuilder = lotBuilder;
    this.settings = properties.reconcile();
    this.lockRegistry = lockRegistry;
    this.meterRegistry = meterRegistry;
    this.clock = Clock.systemUTC();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::reconcileAll, settings.interval(), settings.interval()));
    log.info("reconciliation scheduled every {}", settings.interval());
  }

  /** Reconciles every known lot, unless another instance holds the pass lock. */
  void reconcileAll() {
    Lock lock = lockRegistry.obtain(LOCK_KEY);
    boolean acquired;
    try {
      acquired = lock.tryLock();
    } catch (DataAccessException exception) {
      log.warn("reconciliation skipped: taking its lock in Redis failed: {}", exception.toString());
      return;
    }
    if (!acquired) {
      log.debug("reconciliation skipped: another instance has the lock");
      return;
    }
    try {
      for (long lotId : lotBuilder.knownLots()) {
        try {
          reconcileLot(lotId);
        } catch (RestClientException
            | JacksonException
            | InvalidLayoutException
            | DataAccessException exception) {
          log.warn(
              "reconciliation of lot {} failed, retried next pass: {}",
              lotId,
              exception.toString());
        }
      }
    } finally {
      unlock(lock);
    }
  }

  private static void unlock(Lock lock) {
    try {
      lock.unlock();
    } catch (ConcurrentModificationException | DataAccessException exception) {
      log.warn(
          "releasing the reconciliation lock failed because the pass ran longer than"
              + " reconcile.lock-ttl or Redis failed, so the key expires on its own: {}",
          exception.toString());
    }
  }

  /**
   * Reconciles one lot now, on the calling thread, without the cluster lock.
   *
   * @return how many spot states and counters were corrected
   */
  public Result reconcileLot(long lotId) {
    long passStartMillis = clock.millis();
    Map<Long, SpotStates> before =
        store.readSpots(lotId).stream()
            .collect(Collectors.toMap(SpotStates::spotId, Function.identity()));
    if (before.isEmpty()) {
      log.debug("lot {} has no spots in Redis, left to the lot builder", lotId);
      return new Result(0, 0, 0);
    }
    LotLayout layout = bookingService.fetchLayout(lotId);
    long settledBefore = passStartMillis - settings.settle().toMillis();

    int spotsCorrected = 0;
    int spotsSkipped = 0;
    for (LotLayout.Floor floor : layout.floors()) {
      for (LotLayout.Spot target : floor.spots()) {
        SpotStates stored = before.get(target.spotId());
        if (stored == null) {
          // NOTE: a spot added after the lot was built is only picked up by a rebuild.
          log.warn(
              "spot {} of lot {} floor {} is in the layout but not in Redis; delete the lot's"
                  + " keys to rebuild it",
              target.spotId(),
              lotId,
              floor.floorId());
          continue;
        }
        Correction correction = correctionFor(stored, target, settledBefore);
        if (!correction.needed()) {
          continue;
        }
        Optional<SpotUpdate> update =
            store.compareAndSetSpot(
                stored, target, correction.includeBooking(), correction.includeSensor());
        if (update.isEmpty()) {
          spotsSkipped++;
          log.debug("spot {} changed during the pass, left to the next pass", target.spotId());
          continue;
        }
        spotsCorrected++;
        RedisStoreConfiguration.driftCounter(meterRegistry, "spot-state").increment();
        log.warn(
            "spot {} (lot {}, floor {}) corrected from the booking database: Redis had booking {},"
                + " sensor {}, type {}, in service {}; layout has booking {}, sensor {}, type {},"
                + " in service {} ({})",
            target.spotId(),
            lotId,
            floor.floorId(),
            stored.booking(),
            stored.sensor(),
            stored.type(),
            stored.inService(),
            target.booking(),
            target.sensor(),
            target.type(),
            target.inService(),
            update.get().outcome());
      }
    }
    int countersCorrected = store.recountLot(lotId).size();
    Result result = new Result(spotsCorrected, spotsSkipped, countersCorrected);
    if (result.corrections() > 0) {
      log.info(
          "lot {} reconciled: {} spot(s) and {} counter(s) corrected, {} spot(s) skipped",
          lotId,
          spotsCorrected,
          countersCorrected,
          spotsSkipped);
    } else {
      log.debug("lot {} reconciled: no difference, {} spot(s) skipped", lotId, spotsSkipped);
    }
    return result;
  }

  private static Correction correctionFor(
      SpotStates stored, LotLayout.Spot target, long settledBefore) {
    boolean layoutShowsCar =
        target.booking() == BookingState.NONE && target.sensor() == SensorState.OCCUPIED;
    boolean includeBooking = !layoutShowsCar && stored.booking() != target.booking();
    boolean includeSensor =
        target.booking() == BookingState.NONE
            && stored.changedAt() < settledBefore
            && stored.sensor() != SensorState.UNKNOWN
            && stored.sensor() != target.sensor();
    boolean needed =
        includeBooking
            || includeSensor
            || stored.type() != target.type()
            || stored.inService() != target.inService();
    return new Correction(needed, includeBooking, includeSensor);
  }

  private record Correction(boolean needed, boolean includeBooking, boolean includeSensor) {}

  /**
   * Outcome of one lot's pass.
   *
   * @param spotsCorrected spot states set from the layout
   * @param spotsSkipped differing spots left alone because they changed during the pass
   * @param countersCorrected counters set from a recount of the spot states
   */
  public record Result(int spotsCorrected, int spotsSkipped, int countersCorrected) {

    public int corrections() {
      return spotsCorrected + countersCorrected;
    }
  }
}
