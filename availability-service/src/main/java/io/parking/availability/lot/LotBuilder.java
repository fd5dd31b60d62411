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
 * Builds the Redis state of every lot that is missing from Redis (a new lot, or Redis was flushed)
 * from the booking service's layout. Runs right after start-up and then after every {@code
 * parking.availability.rebuild-interval}.
 *
 * <p>A lot already in Redis is never rebuilt, because its counts move with every booking and sensor
 * event and a layout read from the booking service can be older than those events.
 */
@Component
class LotBuilder implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(LotBuilder.class);

  static final String LOTS_BUILT_METRIC = "parking.availability.lots.built";

  private final BookingServiceClient bookingService;
  private final SpotAvailabilityStore store;
  private final Duration rebuildInterval;
  private final Counter lotsBuilt;

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
    this.lotsBuilt =
        Counter.builder(LOTS_BUILT_METRIC)
            .description("Lots whose Redis state was built from the booking service's layout")
            .register(meterRegistry);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::buildMissingLots, rebuildInterval, Duration.ZERO));
    log.info("lot builder scheduled every {}", rebuildInterval);
  }

  /** Builds each lot the booking service lists and Redis does not have. */
  void buildMissingLots() {
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

    try {
      for (long lotId : lotIds) {
        if (!store.isRegistered(lotId)) {
          buildLot(lotId);
        }
      }
      if (redisFailing) {
        log.info("Redis is reachable again, lot builds resumed");
        redisFailing = false;
      }
    } catch (DataAccessException exception) {
      if (!redisFailing) {
        log.warn(
            "building lots failed because Redis failed, retrying every {} (logged once until it"
                + " succeeds): {}",
            rebuildInterval,
            exception.toString());
      }
      redisFailing = true;
    }
  }

  private void buildLot(long lotId) {
    LotLayout layout;
    try {
      layout = bookingService.fetchLayout(lotId);
    } catch (RestClientException | JacksonException | InvalidLayoutException exception) {
      if (failingLots.add(lotId)) {
        log.warn(
            "reading the layout of lot {} from the booking service failed, retrying every {}"
                + " (logged once until it succeeds): {}",
            lotId,
            rebuildInterval,
            exception.toString());
      }
      return;
    }
    store.registerLot(layout);
    lotsBuilt.increment();
    failingLots.remove(lotId);
  }
}
