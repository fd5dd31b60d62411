package io.parking.booking.booking;

import io.parking.booking.lot.SpotNotFoundException;
import io.parking.booking.lot.SpotRepository;
import io.parking.booking.lot.SpotState;
import io.parking.booking.lot.SpotStatus;
import io.parking.booking.lot.SpotVersionConflictException;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reserves, reads and cancels bookings, each change in one database transaction. */
@Service
class BookingService {

  private static final Logger log = LoggerFactory.getLogger(BookingService.class);

  /** Partial unique index allowing one reserved or active booking per spot. */
  private static final String LIVE_BOOKING_INDEX = "bookings_live_spot_uq";

  private final BookingRepository bookings;
  private final SpotRepository spots;
  private final ApplicationEventPublisher events;

  BookingService(
      BookingRepository bookings, SpotRepository spots, ApplicationEventPublisher events) {
    this.bookings = bookings;
    this.spots = spots;
    this.events = events;
  }

  /**
   * Reserves an available spot. The spot moves to {@code reserved} only if its version still is the
   * one read here, so of two drivers racing for one spot exactly one wins. The other gets {@link
   * SpotUnavailableException}, and its transaction rolls back without writing anything.
   */
  @Transactional
  public BookingResponse reserve(String userId, ReserveBookingRequest request) {
    long spotId = request.spotId();
    Booking booking =
        Booking.reserve(spotId, userId, request.startTime(), request.endTime(), Instant.now());

    SpotState spot = spots.findState(spotId).orElseThrow(() -> new SpotNotFoundException(spotId));
    if (spot.status() != SpotStatus.AVAILABLE) {
      log.info("Reservation of spot {} rejected: spot is {}", spotId, spot.status().stored());
      throw new SpotUnavailableException(spotId);
    }
    if (spots.moveStatus(spotId, spot.version(), SpotStatus.RESERVED.stored()) == 0) {
      log.info("Reservation of spot {} lost the race at version {}", spotId, spot.version());
      throw new SpotUnavailableException(spotId);
    }
    insert(booking);

    events.publishEvent(
        new PendingBookingEvent(envelope(EventTypes.BOOKING_RESERVED, booking, spot)));
    log.info(
        "Booking {} reserved spot {} (spot version {} -> {})",
        booking.getId(),
        spotId,
        spot.version(),
        spot.version() + 1);
    return BookingResponse.of(booking, spot);
  }

  /** Returns the booking if it belongs to {@code userId}. Other drivers' bookings are not found. */
  @Transactional(readOnly = true)
  public BookingResponse find(String userId, UUID bookingId) {
    Booking booking =
        bookings
            .findById(bookingId)
            .filter(candidate -> candidate.isOwnedBy(userId))
            .orElseThrow(() -> new BookingNotFoundException(bookingId));
    return BookingResponse.of(booking, loadSpot(booking.getSpotId()));
  }

  /**
   * Cancels a reserved booking of {@code userId} and moves its spot from {@code reserved} back to
   * {@code available} with a version-guarded update.
   */
  @Transactional
  public BookingResponse cancel(String userId, UUID bookingId) {
    Booking booking =
        bookings
            .findForUpdate(bookingId)
            .filter(candidate -> candidate.isOwnedBy(userId))
            .orElseThrow(() -> new BookingNotFoundException(bookingId));
    booking.cancel();

    SpotState spot = loadSpot(booking.getSpotId());
    if (spot.status() == SpotStatus.RESERVED) {
      if (spots.moveStatus(spot.spotId(), spot.version(), SpotStatus.AVAILABLE.stored()) == 0) {
        throw new SpotVersionConflictException(spot.spotId(), spot.version());
      }
      log.info("Booking {} cancelled, spot {} released", bookingId, spot.spotId());
    } else {
      log.warn(
          "Booking {} cancelled but spot {} is {}, not reserved: spot left unchanged",
          bookingId,
          spot.spotId(),
          spot.status().stored());
    }

    events.publishEvent(
        new PendingBookingEvent(envelope(EventTypes.BOOKING_CANCELLED, booking, spot)));
    return BookingResponse.of(booking, spot);
  }

  private void insert(Booking booking) {
    try {
      bookings.saveAndFlush(booking);
    } catch (DataIntegrityViolationException e) {
      if (violates(e, LIVE_BOOKING_INDEX)) {
        log.info(
            "Reservation of spot {} lost the race on the live-booking index", booking.getSpotId());
        throw new SpotUnavailableException(booking.getSpotId());
      }
      throw e;
    }
  }

  private static boolean violates(DataIntegrityViolationException e, String constraint) {
    return e.getCause() instanceof ConstraintViolationException violation
        && constraint.equals(violation.getConstraintName());
  }

  private SpotState loadSpot(long spotId) {
    return spots.findState(spotId).orElseThrow(() -> new SpotNotFoundException(spotId));
  }

  private static EventEnvelope<BookingChanged> envelope(
      String type, Booking booking, SpotState spot) {
    var payload =
        new BookingChanged(
            booking.getId(),
            spot.lotId(),
            spot.floorId(),
            spot.spotId(),
            booking.getUserId(),
            booking.getStartTime(),
            booking.getEndTime(),
            booking.getStatus().stored());
    return EventEnvelope.of(type, booking.getId().toString(), payload);
  }
}
