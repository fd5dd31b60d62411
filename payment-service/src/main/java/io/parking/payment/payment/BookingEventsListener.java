package io.parking.payment.payment;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.support.messaging.EventReader;
import io.parking.support.messaging.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link Topics#BOOKING_EVENTS}: a reserved booking gets a hold, a cancelled one has it
 * released, a check-in is recorded as the entry time, a completed booking is charged and an expired
 * one gets the no-show policy. Other event types are ignored.
 */
@Component
class BookingEventsListener {

  private static final Logger log = LoggerFactory.getLogger(BookingEventsListener.class);

  private final EventReader reader;
  private final HoldService holdService;
  private final SettlementService settlementService;

  BookingEventsListener(
      EventReader reader, HoldService holdService, SettlementService settlementService) {
    this.reader = reader;
    this.holdService = holdService;
    this.settlementService = settlementService;
  }

  @KafkaListener(topics = Topics.BOOKING_EVENTS)
  void onBookingEvent(ConsumerRecord<String, String> record) {
    String type = reader.readType(record.value());
    switch (type) {
      case EventTypes.BOOKING_RESERVED -> holdService.placeHold(readBooking(record));
      case EventTypes.BOOKING_CANCELLED -> holdService.releaseHold(readBooking(record));
      case EventTypes.BOOKING_ACTIVATED -> holdService.recordEntry(readBooking(record));
      case EventTypes.BOOKING_COMPLETED -> settlementService.settleCompleted(readBooking(record));
      case EventTypes.BOOKING_EXPIRED -> settlementService.settleNoShow(readBooking(record));
      default ->
          log.debug(
              "Ignored event type {} at {}-{} offset {}",
              type,
              record.topic(),
              record.partition(),
              record.offset());
    }
  }

  private EventEnvelope<BookingChanged> readBooking(ConsumerRecord<String, String> record) {
    EventEnvelope<BookingChanged> event = reader.read(record.value(), BookingChanged.class);
    BookingChanged booking = event.payload();
    if (booking.bookingId() == null
        || booking.userId() == null
        || booking.startTime() == null
        || booking.endTime() == null) {
      throw new InvalidEventException(
          "Event %s (%s) lacks bookingId, userId, startTime or endTime"
              .formatted(event.eventId(), event.type()));
    }
    if (!booking.endTime().isAfter(booking.startTime())) {
      throw new InvalidEventException(
          "Event %s (%s) for booking %s ends at %s, not after its start %s"
              .formatted(
                  event.eventId(),
                  event.type(),
                  booking.bookingId(),
                  booking.endTime(),
                  booking.startTime()));
    }
    log.debug(
        "Received {} event {} for booking {}", event.type(), event.eventId(), booking.bookingId());
    return event;
  }
}
