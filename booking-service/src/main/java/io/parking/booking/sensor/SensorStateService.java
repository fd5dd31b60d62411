package io.parking.booking.sensor;

import io.parking.booking.lot.SpotRepository;
import io.parking.booking.lot.SpotState;
import io.parking.booking.lot.SpotStatus;
import io.parking.booking.reconciliation.OperatorEvents;
import io.parking.booking.reconciliation.ReconciliationRecords;
import io.parking.booking.sensor.SensorBookings.WaitingBooking;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorStateChanged;
import io.parking.events.UnreservedOccupancy;
import io.parking.events.WrongSpotSuspected;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciles bookings with what the sensors report. A car arriving:
 *
 * <ul>
 *   <li>on the spot of an active booking: the spot is occupied, nothing else changes;
 *   <li>on a spot with a reserved booking whose check-in is open (from {@code
 *       parking.booking.check-in-opens-before} before the start until the end): the booking is
 *       checked in and becomes active;
 *   <li>on any other spot: an unreserved occupancy is recorded for operators, and an available spot
 *       becomes occupied. Opening the occupancy also stores a {@code spot.unreserved-occupancy}
 *       event for {@link io.parking.events.Topics#OPERATOR_EVENTS} in the outbox, in the same
 *       transaction. A repeated reading while the occupancy is open stores none. If the spot was
 *       available, a wrong-spot suspicion is recorded for every reserved booking on the same floor
 *       whose arrival window is open and whose spot is still empty. Operators and the driver see
 *       it, but no booking is moved.
 * </ul>
 *
 * A car leaving completes the spot's active booking, closes an unreserved occupancy and an
 * overstay, and makes an occupied spot reserved or available again. Overstays are flagged by the
 * {@link io.parking.booking.reconciliation.OverstayJob}.
 */
@Service
class SensorStateService {

  private static final Logger log = LoggerFactory.getLogger(SensorStateService.class);

  private final SpotRepository spots;
  private final ProcessedEvents processedEvents;
  private final SensorBookings bookings;
  private final ReconciliationRecords records;
  private final OperatorEvents operatorEvents;
  private final Clock clock;

  SensorStateService(
      SpotRepository spots,
      ProcessedEvents processedEvents,
      SensorBookings bookings,
      ReconciliationRecords records,
      OperatorEvents operatorEvents,
      Clock clock) {
    this.spots = spots;
    this.processedEvents = processedEvents;
    this.bookings = bookings;
    this.records = records;
    this.operatorEvents = operatorEvents;
    this.clock = clock;
  }

  /**
   * Applies one {@code sensor.state-changed} event at most once. Throws {@link
   * io.parking.booking.lot.SpotVersionConflictException} if the spot kept changing during the
   * update. The transaction, including the processed-event row, then rolls back, so the listener's
   * error handler can retry.
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
    Instant now = clock.instant();
    if (reading.occupied()) {
      carArrived(reading, found.get(), now);
    } else {
      carLeft(reading, found.get(), now);
    }
  }

  private void carArrived(SensorStateChanged reading, SpotState spot, Instant now) {
    long spotId = spot.spotId();
    Optional<UUID> active = bookings.activeOn(spotId);
    if (active.isPresent()) {
      SpotStatus status = occupy(spot, now);
      log.debug(
          "Spot {} sensor {}: car of active booking {} present, spot {}",
          spotId,
          reading.sensorId(),
          active.get(),
          status.stored());
      return;
    }

    Optional<UUID> due = bookings.checkInOpenOn(spotId, now);
    if (due.isPresent() && bookings.checkIn(due.get(), now)) {
      log.info(
          "Spot {} sensor {}: car arrived for booking {}, booking checked in and active",
          spotId,
          reading.sensorId(),
          due.get());
      return;
    }

    if (records.openUnreservedOccupancy(
        spot.lotId(), spot.floorId(), spotId, reading.sensorId(), reading.observedAt())) {
      // NOTE: a car on an out-of-service spot sends spotStatus out_of_service, a value that the
      // UnreservedOccupancy Javadoc does not list (it names available and reserved).
      operatorEvents.publish(
          EventTypes.SPOT_UNRESERVED_OCCUPANCY,
          spotId,
          new UnreservedOccupancy(
              spot.lotId(),
              spot.floorId(),
              spotId,
              reading.sensorId(),
              spot.status().stored(),
              reading.observedAt()));
      log.info(
          "Spot {} sensor {}: car without a booking due, unreserved occupancy recorded (spot {})",
          spotId,
          reading.sensorId(),
          spot.status().stored());
    }
    if (spot.status() == SpotStatus.AVAILABLE) {
      occupy(spot, now);
      suspectWrongSpots(reading, spot, now);
    }
  }

  private SpotStatus occupy(SpotState spot, Instant now) {
    if (spot.status() == SpotStatus.OCCUPIED || spot.status() == SpotStatus.OUT_OF_SERVICE) {
      return spot.status();
    }
    SpotStatus status = bookings.moveSpot(spot.spotId(), true, now);
    log.info("Spot {} {} -> {}", spot.spotId(), spot.status().stored(), status.stored());
    return status;
  }

  private void suspectWrongSpots(SensorStateChanged reading, SpotState spot, Instant now) {
    for (WaitingBooking waiting : bookings.waitingOnFloor(spot.floorId(), spot.spotId(), now)) {
      boolean recorded =
          records.recordWrongSpotSuspicion(
              spot.lotId(),
              spot.floorId(),
              waiting.bookingId(),
              waiting.userId(),
              waiting.spotId(),
              spot.spotId(),
              reading.sensorId(),
              now);
      if (!recorded) {
        continue;
      }
      operatorEvents.publish(
          EventTypes.BOOKING_WRONG_SPOT_SUSPECTED,
          spot.spotId(),
          new WrongSpotSuspected(
              waiting.bookingId(),
              waiting.userId(),
              spot.lotId(),
              spot.floorId(),
              waiting.spotId(),
              spot.spotId(),
              reading.sensorId(),
              now));
      log.info(
          "Spot {} sensor {}: booking {} on spot {} may have parked here, wrong-spot suspicion"
              + " recorded",
          spot.spotId(),
          reading.sensorId(),
          waiting.bookingId(),
          waiting.spotId());
    }
  }

  private void carLeft(SensorStateChanged reading, SpotState spot, Instant now) {
    long spotId = spot.spotId();
    Optional<UUID> active = bookings.activeOn(spotId);
    if (active.isPresent() && bookings.complete(active.get(), now)) {
      boolean overstayed = records.endOverstay(active.get(), reading.observedAt());
      log.info(
          "Spot {} sensor {}: car left, booking {} completed{}",
          spotId,
          reading.sensorId(),
          active.get(),
          overstayed ? " after an overstay" : "");
    }
    if (records.closeUnreservedOccupancy(spotId, reading.observedAt())) {
      log.info(
          "Spot {} sensor {}: car left, unreserved occupancy closed", spotId, reading.sensorId());
    }
    SpotState current = spots.findState(spotId).orElseThrow();
    if (current.status() == SpotStatus.OCCUPIED) {
      SpotStatus status = bookings.moveSpot(spotId, false, now);
      log.info(
          "Spot {} occupied -> {} after sensor {}", spotId, status.stored(), reading.sensorId());
    }
  }
}
