package io.parking.notification.notification;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.Topics;
import io.parking.notification.messaging.EventReader;
import io.parking.notification.messaging.InvalidEventException;
import java.util.Currency;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the booking and payment topics and writes one notification per handled event. Other
 * event types are ignored.
 */
@Component
class PlatformEventsListener {

  private static final Logger log = LoggerFactory.getLogger(PlatformEventsListener.class);

  private final EventReader reader;
  private final NotificationService notifications;

  PlatformEventsListener(EventReader reader, NotificationService notifications) {
    this.reader = reader;
    this.notifications = notifications;
  }

  @KafkaListener(topics = {Topics.BOOKING_EVENTS, Topics.PAYMENT_EVENTS})
  void onEvent(ConsumerRecord<String, String> record) {
    String type = reader.readType(record.value());
    switch (type) {
      case EventTypes.BOOKING_RESERVED -> {
        EventEnvelope<BookingChanged> event = readBooking(record);
        notifyAboutBooking(
            event, NotificationKind.BOOKING_CONFIRMED, Messages.bookingConfirmed(event.payload()));
      }
      case EventTypes.BOOKING_CANCELLED -> {
        EventEnvelope<BookingChanged> event = readBooking(record);
        notifyAboutBooking(
            event, NotificationKind.BOOKING_CANCELLED, Messages.bookingCancelled(event.payload()));
      }
      case EventTypes.PAYMENT_AUTHORISED -> {
        EventEnvelope<PaymentChanged> event = readPayment(record);
        notifyAboutPayment(
            event, NotificationKind.HOLD_PLACED, Messages.holdPlaced(event.payload()));
      }
      case EventTypes.PAYMENT_VOIDED -> {
        EventEnvelope<PaymentChanged> event = readPayment(record);
        notifyAboutPayment(
            event, NotificationKind.HOLD_RELEASED, Messages.holdReleased(event.payload()));
      }
      default ->
          log.debug(
              "Ignored event type {} at {}-{} offset {}",
              type,
              record.topic(),
              record.partition(),
              record.offset());
    }
  }

  private void notifyAboutBooking(
      EventEnvelope<BookingChanged> event, NotificationKind kind, String message) {
    BookingChanged booking = event.payload();
    notifications.notifyDriver(
        event.eventId(), booking.userId(), booking.bookingId(), kind, message);
  }

  private void notifyAboutPayment(
      EventEnvelope<PaymentChanged> event, NotificationKind kind, String message) {
    PaymentChanged payment = event.payload();
    notifications.notifyDriver(
        event.eventId(), payment.userId(), payment.bookingId(), kind, message);
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
    log.debug(
        "Received {} event {} for booking {}", event.type(), event.eventId(), booking.bookingId());
    return event;
  }

  private EventEnvelope<PaymentChanged> readPayment(ConsumerRecord<String, String> record) {
    EventEnvelope<PaymentChanged> event = reader.read(record.value(), PaymentChanged.class);
    PaymentChanged payment = event.payload();
    if (payment.bookingId() == null || payment.userId() == null || payment.currency() == null) {
      throw new InvalidEventException(
          "Event %s (%s) lacks bookingId, userId or currency"
              .formatted(event.eventId(), event.type()));
    }
    if (!isCurrencyCode(payment.currency())) {
      throw new InvalidEventException(
          "Event %s (%s) for booking %s has currency '%s', which is not an ISO 4217 code"
              .formatted(event.eventId(), event.type(), payment.bookingId(), payment.currency()));
    }
    log.debug(
        "Received {} event {} for booking {}", event.type(), event.eventId(), payment.bookingId());
    return event;
  }

  private static boolean isCurrencyCode(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
