package io.parking.availability.lot;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.config.AvailabilityProperties;
import io.parking.availability.store.LotLayout;
import io.parking.availability.store.SpotAvailabilityStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;

/**
 * Builds the Redis state of lots from the booking service's layouts. Two tasks share the work:
 *
 * <ul>
 *   <li>the listing, right after start-up and then every {@code
 *       parking.availability.rebuild-interval}, reads the booking service's lot list and builds
 *       each lot it has not seen and Redis does not have;
 *   <li>the marker check, every {@code parking.availability.marker-check-interval}, checks that
 *       each lot seen before still has its lot hash in Redis, and rebuilds a missing one at once
 *       (Redis restarted without its data, or was flushed).
 * </ul>
 *
 * A lot that is in Redis is never rebuilt here, because its counts move with every booking and
 * sensor event and a layout read from the booking service can be older than those events; the
 * reconciliation pass corrects such a lot spot by spot.
 */
@Component
public class LotBuilder implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(LotBuilder.class);

  static final String LOTS_BUILT_METRIC = "parking.availability.lots.built";

  private final BookingServiceClient bookingService;
  private final SpotAvailabilityStore store;
  private final Duration rebuildInterval;
  private final Duration markerCheckInterval;
  private final Counter newLotsBuilt;
  private final Counter missingLotsRebuilt;

  /** Lots the booking service listed, which the marker check watches. */
  private final Set<Long> knownLots = ConcurrentHashMap.newKeySet();

  /** Lots being built right now, so two tasks never build one lot at once. */
  private final Set<Long> building = ConcurrentHashMap.newKeySet();

  /** Whether the last pass failed to list the lots, so a repeated failure is not logged again. */
  private volatile boolean listingFailing;

  /** Whether the last pass failed to reach Redis. */
  private volatile boolean redisFailing;

  /** Lots whose last build failed, so each failure streak is logged once per lot. */
  private final Set<Long> failingLots = ConcurrentHashMap.newKeySet();

  LotBuilder(
      BookingServiceClient bookingService,
      SpotAvailabilityStore store,
      AvailabilityProperties properties,
      MeterRegistry meterRegistry) {
    this.bookingService = bookingService;
    this.store = store;
    this.rebuildInterval = properties.rebuildInterval();
    this.markerCheckInterval = properties.markerCheckInterval();
    this.newLotsBuilt = builtCounter(meterRegistry, "new");
    this.missingLotsRebuilt = builtCounter(meterRegistry, "marker-missing");
  }

  private static Counter builtCounter(MeterRegistry meterRegistry, String trigger) {
    return Counter.builder(LOTS_BUILT_METRIC)
        .description(
            "Lots whose Redis state was built from the booking service's layout, by trigger: a new"
                + " lot, or a known lot whose marker was missing")
        .tag("trigger", trigger)
        .register(meterRegistry);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::buildNewLots, rebuildInterval, Duration.ZERO));
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::rebuildMissingLots, markerCheckInterval, markerCheckInterval));
    log.info(
        "lot builder scheduled: lot listing every {}, marker check every {}",
        rebuildInterval,
        markerCheckInterval);
  }

  /** Ids of the lots the booking service listed since start-up. */
  public Set<Long> knownLots() {
    return Set.copyOf(knownLots);
  }

  /** Checks whether the lot is being built or rebuilt right now. */
  public boolean isBuilding(long lotId) {
    return building.contains(lotId);
  }

  /** Builds each lot the booking service lists that is new to this instance and not in Redis. */
  void buildNewLots() {
    List<Long> lotIds;
    try {
      lotIds = bookingService.listLotIds();
    } catch (RestClientException | JacksonException | InvalidLayoutException exception) {
      if (!listingFailing) {
        log.warn(
            "listing lots from the booking service failed, retrying every {} (logged once until it"
                + " succeeds): {}",
            rebuildInterval,
            exception.toString());
      }
      listingFailing = true;
      return;
    }
    if (listingFailing) {
      log.info("listing lots from the booking service succeeded again");
      listingFailing = false;
    }

    runAgainstRedis(
        () -> {
          for (long lotId : lotIds) {
            if (!knownLots.contains(lotId) && !store.isRegistered(lotId)) {
              buildLot(lotId, newLotsBuilt);
            }
            knownLots.add(lotId);
          }
        });
  }

  /** Rebuilds at once each known lot whose lot hash is missing from Redis. */
  void rebuildMissingLots() {
    runAgainstRedis(
        () -> {
          for (long lotId : knownLots) {
            if (!store.isRegistered(lotId)) {
              log.warn("lot {} is missing from Redis (restarted or flushed), rebuilding it", lotId);
              buildLot(lotId, missingLotsRebuilt);
            }
          }
        });
  }

  private void runAgainstRedis(Runnable work) {
    try {
      work.run();
      if (redisFailing) {
        log.info("Redis is reachable again, lot builds resumed");
        redisFailing = false;
      }
    } catch (DataAccessException exception) {
      if (!redisFailing) {
        log.warn(
            "building lots failed because Redis failed, retrying every {} (logged once until it"
                + " succeeds): {}",
            markerCheckInterval,
            exception.toString());
      }
      redisFailing = true;
    }
  }

  private void buildLot(long lotId, Counter builds) {
    if (!building.add(lotId)) {
      return;
    }
    try {
      LotLayout layout;
      try {
        layout = bookingService.fetchLayout(lotId);
      } catch (RestClientException | JacksonException | InvalidLayoutException exception) {
        if (failingLots.add(lotId)) {
          log.warn(
              "reading the layout of lot {} from the booking service failed, retrying (logged once"
                  + " until it succeeds): {}",
              lotId,
              exception.toString());
        }
        return;
      }
      store.registerLot(layout);
      builds.increment();
      failingLots.remove(lotId);
    } finally {
      building.remove(lotId);
    }
  }
}
