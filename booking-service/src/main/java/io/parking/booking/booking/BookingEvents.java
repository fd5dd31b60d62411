package io.parking.booking.booking;

import io.parking.booking.lot.SpotState;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Creates the booking event of a change inside the transaction that makes the change. */
@Component
class BookingEvents {

  private final ApplicationEventPublisher publisher;

  BookingEvents(ApplicationEventPublisher publisher) {
    this.publisher = publisher;
  }

  /**
   * Publishes an event of {@code type} for the booking's state now. {@code spotHeld} tells the
   * availability service whether the spot still has a live booking whose window has not ended.
   */
  void publish(String type, Booking booking, SpotState spot, boolean spotHeld) {
    var payload =
        new BookingChanged(
            booking.getId(),
            spot.lotId(),
            spot.floorId(),
            spot.spotId(),
            booking.getUserId(),
            booking.getStartTime(),
            booking.getEndTime(),
            booking.getStatus().stored(),
            spotHeld);
    publisher.publishEvent(
        new PendingBookingEvent(EventEnvelope.of(type, booking.getId().toString(), payload)));
  }
}
