package io.parking.notification.notification;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.PaymentReceipt;
import io.parking.events.Topics;
import io.parking.notification.delivery.OutgoingEvent;
import io.parking.notification.notification.NotificationService.FeedEntry;
import io.parking.support.messaging.EventReader;
import io.parking.support.messaging.InvalidEventException;
import java.util.Currency;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the booking and payment topics. Each handled event gives the driver an in-app
 * notification where one applies, an e-mail where mail is enabled, and a webhook post to every
 * matching subscription. Booking events also update {@link LiveBookings}. Other event types are
 * ignored.
 */
@Component
class PlatformEventsListener {

  private static final Logger log = LoggerFactory.getLogger(PlatformEventsListener.class);

  private final EventReader reader;
  private final NotificationService notifications;
  private final LiveBookings liveBookings;

  PlatformEventsListener(
      EventReader reader, NotificationService notifications, LiveBookings liveBookings) {
    this.reader = reader;
    this.notifications = notifications;
    this.liveBookings = liveBookings;
  }

  @KafkaListener(topics = {Topics.BOOKING_EVENTS, Topics.PAYMENT_EVENTS})
  void onEvent(ConsumerRecord<String, String> record) {
    String type = reader.readType(record.value());
    switch (type) {
      case EventTypes.BOOKING_RESERVED -> {
        EventEnvelope<BookingChanged> event = readBooking(record);
        onBooking(
            record,
            event,
            NotificationKind.BOOKING_CONFIRMED,
            "Booking confirmed",
            Messages.bookingConfirmed(event.payload()));
      }
      case EventTypes.BOOKING_CANCELLED -> {
        EventEnvelope<BookingChanged> event = readBooking(record);
        onBooking(
            record,
            event,
            NotificationKind.BOOKING_CANCELLED,
            "Booking cancelled",
            Messages.bookingCancelled(event.payload()));
      }
      case EventTypes.BOOKING_EXPIRED -> {
        EventEnvelope<BookingChanged> event = readBooking(record);
        onBooking(
            record,
            event,
            NotificationKind.NO_SHOW,
            "Booking expired: no check-in",
            Messages.noShow(event.payload()));
      }
      case EventTypes.BOOKING_ACTIVATED,
          EventTypes.BOOKING_COMPLETED,
          EventTypes.BOOKING_EXTENDED ->
          // Operator systems may subscribe to these; drivers get the receipt instead.
          onBooking(record, readBooking(record), null, null, null);
      case EventTypes.PAYMENT_AUTHORISED -> {
        EventEnvelope<PaymentChanged> event = readPayment(record);
        onPayment(
            record,
            event,
            NotificationKind.HOLD_PLACED,
            "Hold placed on your card",
            Messages.holdPlaced(event.payload()));
      }
      case EventTypes.PAYMENT_VOIDED -> {
        EventEnvelope<PaymentChanged> event = readPayment(record);
        onPayment(
            record,
            event,
            NotificationKind.HOLD_RELEASED,
            "Hold released",
            Messages.holdReleased(event.payload()));
      }
      case EventTypes.PAYMENT_CAPTURED -> {
        EventEnvelope<PaymentChanged> event = readPayment(record);
        // The receipt e-mail covers the charge, so the capture only goes to the in-app feed.
        onPayment(
            record,
            event,
            NotificationKind.PAYMENT_CAPTURED,
            null,
            Messages.captured(event.payload()));
      }
      case EventTypes.PAYMENT_FAILED -> {
        EventEnvelope<PaymentChanged> event = readPayment(record);
        onPayment(
            record,
            event,
            NotificationKind.CAPTURE_FAILED,
            "Payment failed",
            Messages.captureFailed(event.payload()));
      }
      case EventTypes.PAYMENT_RECEIPT_ISSUED -> onReceipt(record, readReceipt(record));
      default ->
          log.debug(
              "Ignored event type {} at {}-{} offset {}",
              type,
              record.topic(),
              record.partition(),
              record.offset());
    }
  }

  private void onBooking(
      ConsumerRecord<String, String> record,
      EventEnvelope<BookingChanged> event,
      NotificationKind kind,
      String subject,
      String message) {
    BookingChanged booking = event.payload();
    notifications.handle(
        new OutgoingEvent(
            event.eventId(),
            event.type(),
            booking.userId(),
            booking.bookingId(),
            booking.lotId(),
            subject,
            message,
            record.value()),
        kind == null ? List.of() : List.of(new FeedEntry(booking.userId(), kind, message)),
        () -> liveBookings.apply(event.type(), booking));
  }

  private void onPayment(
      ConsumerRecord<String, String> record,
      EventEnvelope<PaymentChanged> event,
      NotificationKind kind,
      String subject,
      String message) {
    PaymentChanged payment = event.payload();
    notifications.handle(
        new OutgoingEvent(
            event.eventId(),
            event.type(),
            payment.userId(),
            payment.bookingId(),
            null,
            subject,
            message,
            record.value()),
        kind,
        message);
  }

  private void onReceipt(
      ConsumerRecord<String, String> record, EventEnvelope<PaymentReceipt> event) {
    PaymentReceipt receipt = event.payload();
    notifications.handle(
        new OutgoingEvent(
            event.eventId(),
            event.type(),
            receipt.userId(),
            receipt.bookingId(),
            receipt.lotId(),
            "Your parking receipt",
            Messages.receipt(receipt),
            record.value()),
        NotificationKind.RECEIPT,
        Messages.receiptSummary(receipt));
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
    requireCurrency(event, payment.bookingId().toString(), payment.currency());
    log.debug(
        "Received {} event {} for booking {}", event.type(), event.eventId(), payment.bookingId());
    return event;
  }

  private EventEnvelope<PaymentReceipt> readReceipt(ConsumerRecord<String, String> record) {
    EventEnvelope<PaymentReceipt> event = reader.read(record.value(), PaymentReceipt.class);
    PaymentReceipt receipt = event.payload();
    if (receipt.bookingId() == null || receipt.userId() == null || receipt.currency() == null) {
      throw new InvalidEventException(
          "Event %s (%s) lacks bookingId, userId or currency"
              .formatted(event.eventId(), event.type()));
    }
    requireCurrency(event, receipt.bookingId().toString(), receipt.currency());
    log.debug(
        "Received {} event {} for booking {}", event.type(), event.eventId(), receipt.bookingId());
    return event;
  }

  private static void requireCurrency(EventEnvelope<?> event, String bookingId, String code) {
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException(
          "Event %s (%s) for booking %s has currency '%s', which is not an ISO 4217 code"
              .formatted(event.eventId(), event.type(), bookingId, code));
    }
  }
}
