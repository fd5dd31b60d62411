package io.parking.booking.booking;

import io.parking.booking.lot.SpotNotFoundException;
import io.parking.booking.lot.SpotRepository;
import io.parking.booking.lot.SpotState;
import io.parking.booking.lot.SpotStatus;
import io.parking.booking.lot.SpotVersionConflictException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Moves a spot's status after a change to one of its bookings, with the version-guarded update that
 * serializes every booking change on a spot. A spot is {@code occupied} while a car is there, else
 * {@code reserved} while it has a live booking whose window has not ended, else {@code available}.
 * An {@code out_of_service} spot keeps that status; only its version moves.
 */
@Component
class SpotUpdates {

  /** Guarded updates a lifecycle change tries before giving up with a 409. */
  private static final int MAX_ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(SpotUpdates.class);

  private final SpotRepository spots;
  private final BookingQueries queries;
  private final Clock clock;

  SpotUpdates(SpotRepository spots, BookingQueries queries, Clock clock) {
    this.spots = spots;
    this.queries = queries;
    this.clock = clock;
  }

  /** Effect of a booking change on the car at the spot. */
  enum Car {
    /** The driver checked in. */
    ARRIVED,
    /** The driver left. */
    LEFT,
    /** The change implies nothing about a car. */
    UNCHANGED
  }

  /**
   * The spot after a change.
   *
   * @param spot the spot as read before its guarded update, with the version that update matched
   * @param status the status the update set
   * @param held whether the spot still has a live booking whose window has not ended
   */
  record SpotChange(SpotState spot, SpotStatus status, boolean held) {}

  SpotState load(long spotId) {
    return spots.findState(spotId).orElseThrow(() -> new SpotNotFoundException(spotId));
  }

  /**
   * Applies a lifecycle change of a booking, already flushed, to its spot. A concurrent change of
   * another booking on the same spot can move the version first; this retries with the new state
   * because the booking row lock already decided this booking's change. Throws {@link
   * SpotVersionConflictException} after {@value #MAX_ATTEMPTS} lost attempts.
   */
  SpotChange afterLifecycleChange(long spotId, Car car) {
    SpotState spot = load(spotId);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      boolean held = queries.spotHeld(spotId, clock.instant());
      SpotStatus target = target(spot.status(), held, car);
      if (spots.moveStatus(spotId, spot.version(), target.stored()) == 1) {
        return new SpotChange(spot, target, held);
      }
      log.debug(
          "Spot {} changed during update at version {}, reading it again", spotId, spot.version());
      spot = load(spotId);
    }
    throw new SpotVersionConflictException(spotId, spot.version());
  }

  /**
   * Sets the status that a new or extended live booking leaves the spot in, but only if the spot
   * still has {@code spot.version()}. Returns false if another change came first.
   */
  boolean holdIfUnchanged(SpotState spot) {
    SpotStatus target = target(spot.status(), true, Car.UNCHANGED);
    return spots.moveStatus(spot.spotId(), spot.version(), target.stored()) == 1;
  }

  static SpotStatus target(SpotStatus current, boolean held, Car car) {
    if (current == SpotStatus.OUT_OF_SERVICE) {
      return SpotStatus.OUT_OF_SERVICE;
    }
    if (car == Car.ARRIVED || (car == Car.UNCHANGED && current == SpotStatus.OCCUPIED)) {
      return SpotStatus.OCCUPIED;
    }
    return held ? SpotStatus.RESERVED : SpotStatus.AVAILABLE;
  }
}
