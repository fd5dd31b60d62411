package io.parking.booking.booking;

import io.parking.booking.booking.BookingService.Reservation;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Books whichever matching spot is free. Each attempt runs in its own transaction. An attempt that
 * loses its spot to a concurrent request rolls back, and the next one tries another spot.
 */
@Component
class AnySpotReservations {

  private static final Logger log = LoggerFactory.getLogger(AnySpotReservations.class);

  private final BookingService bookings;
  private final BookingProperties properties;

  AnySpotReservations(BookingService bookings, BookingProperties properties) {
    this.bookings = bookings;
    this.properties = properties;
  }

  /**
   * Reserves a free matching spot, trying at most {@code parking.booking.any-spot-attempts} spots.
   * Throws {@link NoSpotAvailableException} when none is free or every attempt lost its race.
   */
  Reservation reserve(String userId, ReserveAnyRequest request, String idempotencyKey) {
    Set<Long> tried = new HashSet<>();
    for (int attempt = 1; attempt <= properties.anySpotAttempts(); attempt++) {
      try {
        return bookings.reserveAny(userId, request, idempotencyKey, tried);
      } catch (SpotUnavailableException e) {
        log.debug(
            "Any-spot attempt {} in lot {} lost spot {}: {}",
            attempt,
            request.lotId(),
            e.spotId(),
            e.reason());
        tried.add(e.spotId());
      }
    }
    log.info(
        "Any-spot request in lot {} gave up after {} lost attempts",
        request.lotId(),
        properties.anySpotAttempts());
    throw new NoSpotAvailableException(
        "Every one of the "
            + properties.anySpotAttempts()
            + " spots tried in lot "
            + request.lotId()
            + " was taken by a concurrent request: send the request again.");
  }
}
