package io.parking.booking.sensor;

import io.parking.booking.booking.Booking;
import io.parking.booking.booking.BookingProperties;
import io.parking.booking.booking.BookingStatus;
import io.parking.booking.lot.SpotRepository;
import io.parking.booking.lot.SpotState;
import io.parking.booking.lot.SpotStatus;
import io.parking.booking.lot.SpotVersionConflictException;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.outbox.Outbox;
import io.parking.outbox.OutboxMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bookings a sensor reading concerns, and the lifecycle changes a reading makes: check-in when
 * the car arrives, completion when it leaves. Each change goes through the {@link Booking} entity
 * under its row lock, moves the spot with the version-guarded update, and stores its booking event
 * in the outbox, in the caller's transaction, as a check-in or exit over the API does.
 */
@Component
class SensorBookings {

  /** Guarded spot updates tried before giving up; the listener's error handler then retries. */
  private static final int MAX_ATTEMPTS = 5;

  private final JdbcClient jdbc;
  private final EntityManager entityManager;
  private final SpotRepository spots;
  private final Outbox outbox;
  private final JsonMapper mapper;
  private final BookingProperties properties;

  SensorBookings(
      JdbcClient jdbc,
      EntityManager entityManager,
      SpotRepository spots,
      Outbox outbox,
      JsonMapper mapper,
      BookingProperties properties) {
    this.jdbc = jdbc;
    this.entityManager = entityManager;
    this.spots = spots;
    this.outbox = outbox;
    this.mapper = mapper;
    this.properties = properties;
  }

  /** Returns the spot's active booking, the earliest if there are several. */
  Optional<UUID> activeOn(long spotId) {
    return jdbc.sql(
            """
            SELECT booking_id FROM bookings
            WHERE spot_id = :spotId AND status = 'active'
            ORDER BY start_time LIMIT 1
            """)
        .param("spotId", spotId)
        .query(UUID.class)
        .optional();
  }

  /** Returns the spot's reserved booking whose check-in is open at {@code now}. */
  Optional<UUID> checkInOpenOn(long spotId, Instant now) {
    return jdbc.sql(
            """
            SELECT booking_id FROM bookings
            WHERE spot_id = :spotId AND status = 'reserved'
              AND start_time - CAST(:opensBefore AS interval) <= :now AND end_time > :now
            ORDER BY start_time LIMIT 1
            """)
        .param("spotId", spotId)
        .param("opensBefore", properties.checkInOpensBefore().toSeconds() + " seconds")
        .param("now", utc(now))
        .query(UUID.class)
        .optional();
  }

  /** A reserved booking in its arrival window whose spot is still empty. */
  record WaitingBooking(UUID bookingId, String userId, long spotId) {}

  /**
   * Returns the reserved bookings on the floor, other than on {@code exceptSpotId}, whose arrival
   * window (from check-in opening until the no-show grace after the start) contains {@code now} and
   * whose spot has no car.
   */
  List<WaitingBooking> waitingOnFloor(long floorId, long exceptSpotId, Instant now) {
    return jdbc.sql(
            """
            SELECT b.booking_id, b.user_id, b.spot_id
            FROM bookings b JOIN spots s ON s.spot_id = b.spot_id
            WHERE s.floor_id = :floorId AND b.spot_id <> :exceptSpotId
              AND b.status = 'reserved'
              AND s.status NOT IN ('occupied', 'out_of_service')
              AND b.start_time - CAST(:opensBefore AS interval) <= :now
              AND b.start_time + CAST(:grace AS interval) > :now
            ORDER BY b.start_time
            """)
        .param("floorId", floorId)
        .param("exceptSpotId", exceptSpotId)
        .param("opensBefore", properties.checkInOpensBefore().toSeconds() + " seconds")
        .param("grace", properties.noShowGrace().toSeconds() + " seconds")
        .param("now", utc(now))
        .query(
            (rs, rowNum) ->
                new WaitingBooking(
                    rs.getObject("booking_id", UUID.class),
                    rs.getString("user_id"),
                    rs.getLong("spot_id")))
        .list();
  }

  /**
   * Checks the booking in through {@link Booking#checkIn}, marks its spot occupied and stores
   * {@code booking.activated}. Returns false, changing nothing, when the booking is no longer
   * reserved.
   */
  boolean checkIn(UUID bookingId, Instant now) {
    Booking booking = entityManager.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null || booking.getStatus() != BookingStatus.RESERVED) {
      return false;
    }
    booking.checkIn(now, properties.checkInOpensBefore());
    afterChange(booking, true, EventTypes.BOOKING_ACTIVATED, now);
    return true;
  }

  /**
   * Completes the booking through {@link Booking#complete}, frees or re-reserves its spot and
   * stores {@code booking.completed}. Returns false, changing nothing, when it is no longer active.
   */
  boolean complete(UUID bookingId, Instant now) {
    Booking booking = entityManager.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
    if (booking == null || booking.getStatus() != BookingStatus.ACTIVE) {
      return false;
    }
    booking.complete();
    afterChange(booking, false, EventTypes.BOOKING_COMPLETED, now);
    return true;
  }

  /**
   * Moves the spot after a car arrived or left, with the version guard, and returns the status it
   * set. A car makes the spot occupied; an empty spot is reserved while it has a live booking whose
   * window has not ended, else available. An out-of-service spot keeps its status.
   */
  SpotStatus moveSpot(long spotId, boolean carPresent, Instant now) {
    SpotState spot = spots.findState(spotId).orElseThrow();
    for (int attempt = 1; ; attempt++) {
      SpotStatus target = target(spot.status(), carPresent, spotId, now);
      if (spots.moveStatus(spotId, spot.version(), target.stored()) == 1) {
        return target;
      }
      if (attempt == MAX_ATTEMPTS) {
        throw new SpotVersionConflictException(spotId, spot.version());
      }
      spot = spots.findState(spotId).orElseThrow();
    }
  }

  private SpotStatus target(SpotStatus current, boolean carPresent, long spotId, Instant now) {
    if (current == SpotStatus.OUT_OF_SERVICE) {
      return SpotStatus.OUT_OF_SERVICE;
    }
    if (carPresent) {
      return SpotStatus.OCCUPIED;
    }
    return spots.hasLiveBooking(spotId, now) ? SpotStatus.RESERVED : SpotStatus.AVAILABLE;
  }

  private void afterChange(Booking booking, boolean carPresent, String type, Instant now) {
    entityManager.flush();
    long spotId = booking.getSpotId();
    moveSpot(spotId, carPresent, now);
    SpotState spot = spots.findState(spotId).orElseThrow();
    boolean held = spots.hasLiveBooking(spotId, now);
    BookingChanged payload =
        new BookingChanged(
            booking.getId(),
            spot.lotId(),
            spot.floorId(),
            spotId,
            booking.getUserId(),
            booking.getStartTime(),
            booking.getEndTime(),
            booking.getStatus().stored(),
            held);
    EventEnvelope<BookingChanged> envelope =
        EventEnvelope.of(type, booking.getId().toString(), payload);
    outbox.append(
        new OutboxMessage(
            Topics.BOOKING_EVENTS,
            Long.toString(spotId),
            envelope.eventId(),
            type,
            mapper.writeValueAsString(envelope)));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
