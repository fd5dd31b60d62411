package io.parking.booking.booking;

import io.parking.booking.booking.BookingWindowPolicy.Window;
import io.parking.booking.lot.SpotState;
import io.parking.booking.lot.SpotStatus;
import io.parking.events.EventTypes;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Reserves one spot for a checked window inside the caller's transaction. Two guards stop overlaps:
 * the overlap check runs under the spot's version guard, and the exclusion constraint {@code
 * bookings_no_overlap_ex} rejects an overlapping live booking even if that guard were bypassed.
 */
@Component
class SpotReserver {

  /** SQLSTATE of a violated exclusion constraint. */
  private static final String EXCLUSION_VIOLATION = "23P01";

  private static final Logger log = LoggerFactory.getLogger(SpotReserver.class);

  private final BookingRepository bookings;
  private final BookingQueries queries;
  private final SpotUpdates spotUpdates;
  private final BookingEvents events;
  private final Clock clock;

  SpotReserver(
      BookingRepository bookings,
      BookingQueries queries,
      SpotUpdates spotUpdates,
      BookingEvents events,
      Clock clock) {
    this.bookings = bookings;
    this.queries = queries;
    this.spotUpdates = spotUpdates;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Reserves {@code spot}, read at the start of the transaction, for {@code window}. Throws {@link
   * SpotUnavailableException} if the spot is out of service, another live booking overlaps, or
   * another request changed the spot since it was read; the caller's transaction must then roll
   * back.
   */
  Booking reserve(String userId, SpotState spot, Window window) {
    long spotId = spot.spotId();
    if (spot.status() == SpotStatus.OUT_OF_SERVICE) {
      log.info("Reservation of spot {} rejected: spot is out of service", spotId);
      throw new SpotUnavailableException(spotId, "the spot is out of service");
    }
    if (queries.overlapsLiveBooking(spotId, window.startTime(), window.endTime(), null)) {
      log.info("Reservation of spot {} rejected: another live booking overlaps", spotId);
      throw new SpotUnavailableException(spotId, "another booking overlaps the window");
    }
    if (!spotUpdates.holdIfUnchanged(spot)) {
      log.info("Reservation of spot {} lost the race at version {}", spotId, spot.version());
      throw new SpotUnavailableException(spotId, "another request changed the spot first");
    }

    Booking booking =
        Booking.reserve(spotId, userId, window.startTime(), window.endTime(), clock.instant());
    saveAndFlush(booking);
    events.publish(EventTypes.BOOKING_RESERVED, booking, spot, true);
    log.info(
        "Booking {} reserved spot {} (spot version {} -> {})",
        booking.getId(),
        spotId,
        spot.version(),
        spot.version() + 1);
    return booking;
  }

  /**
   * Writes a booking change now, so that the exclusion constraint checks it here. Throws {@link
   * SpotUnavailableException} when it fires.
   */
  void saveAndFlush(Booking booking) {
    try {
      bookings.saveAndFlush(booking);
    } catch (DataIntegrityViolationException e) {
      if (isExclusionViolation(e)) {
        log.info(
            "Booking change on spot {} rejected by the no-overlap constraint", booking.getSpotId());
        throw new SpotUnavailableException(
            booking.getSpotId(), "another booking overlaps the window");
      }
      throw e;
    }
  }

  private static boolean isExclusionViolation(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
