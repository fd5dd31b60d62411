package io.parking.booking.sensor;

import io.parking.booking.lot.SpotRepository;
import io.parking.booking.lot.SpotState;
import io.parking.booking.lot.SpotStatus;
import io.parking.booking.lot.SpotVersionConflictException;
import io.parking.events.EventEnvelope;
import io.parking.events.SensorStateChanged;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies sensor readings to spot statuses: a car arriving on an {@code available} spot makes it
 * {@code occupied}, and an {@code occupied} spot that empties becomes {@code reserved} if it still
 * has a live booking whose window has not ended, else {@code available}. Reserved and
 * out-of-service spots are left alone.
 */
@Service
class SensorStateService {

  private static final Logger log = LoggerFactory.getLogger(SensorStateService.class);

  private final SpotRepository spots;
  private final ProcessedEvents processedEvents;
  private final Clock clock;

  SensorStateService(SpotRepository spots, ProcessedEvents processedEvents, Clock clock) {
    this.spots = spots;
    this.processedEvents = processedEvents;
    this.clock = clock;
  }

  /**
   * Applies one {@code sensor.state-changed} event at most once. Throws {@link
   * SpotVersionConflictException} if the spot changed between read and update. The transaction,
   * including the processed-event row, then rolls back, so the listener's error handler can retry.
   */
  @Transactional
  public void apply(EventEnvelope<SensorStateChanged> event) {
    SensorStateChanged reading = event.payload();
    long spotId = reading.spotId();
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug("Skipped sensor event {} for spot {}: applied before", event.eventId(), spotId);
      return;
    }

    Optional<SpotState> found = spots.findState(spotId);
    if (found.isEmpty()) {
      log.warn(
          "Ignored sensor event {} from sensor {}: spot {} not found",
          event.eventId(),
          reading.sensorId(),
          spotId);
      return;
    }
    SpotState spot = found.get();
    SpotStatus target = targetStatus(spot.status(), reading.occupied());
    if (target == SpotStatus.AVAILABLE && spots.hasLiveBooking(spotId, clock.instant())) {
      target = SpotStatus.RESERVED;
    }
    if (target == null) {
      log.debug(
          "Sensor event {} from sensor {}: spot {} is {}, occupied={} leaves it unchanged",
          event.eventId(),
          reading.sensorId(),
          spotId,
          spot.status().stored(),
          reading.occupied());
      return;
    }

    if (spots.moveStatus(spotId, spot.version(), target.stored()) == 0) {
      throw new SpotVersionConflictException(spotId, spot.version());
    }
    log.info(
        "Spot {} {} -> {} after sensor {} reading (event {})",
        spotId,
        spot.status().stored(),
        target.stored(),
        reading.sensorId(),
        event.eventId());
  }

  /** Returns the status the reading moves the spot to, or null if it leaves the spot as it is. */
  private static SpotStatus targetStatus(SpotStatus current, boolean occupied) {
    if (occupied && current == SpotStatus.AVAILABLE) {
      return SpotStatus.OCCUPIED;
    }
    if (!occupied && current == SpotStatus.OCCUPIED) {
      return SpotStatus.AVAILABLE;
    }
    return null;
  }
}
