package io.parking.notification.support;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.PaymentReceipt;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Booking and payment events as their producers send them, for tests. */
public final class PlatformEvents {

  public static final long LOT_ID = 1;
  public static final long FLOOR_ID = 11;
  public static final Instant START = Instant.parse("2026-12-04T09:00:00Z");
  public static final Instant END = Instant.parse("2026-12-04T11:00:00Z");

  private PlatformEvents() {}

  public static EventEnvelope<BookingChanged> reserved(UUID bookingId, long spotId, String userId) {
    return booking(EventTypes.BOOKING_RESERVED, bookingId, spotId, userId, "reserved");
  }

  public static EventEnvelope<BookingChanged> cancelled(
      UUID bookingId, long spotId, String userId) {
    return booking(EventTypes.BOOKING_CANCELLED, bookingId, spotId, userId, "cancelled");
  }

  public static EventEnvelope<PaymentChanged> authorised(
      UUID bookingId, String userId, long amountMinor, String currency) {
    return payment(
        EventTypes.PAYMENT_AUTHORISED, bookingId, userId, amountMinor, currency, "authorised");
  }

  public static EventEnvelope<PaymentChanged> voided(
      UUID bookingId, String userId, long amountMinor, String currency) {
    return payment(EventTypes.PAYMENT_VOIDED, bookingId, userId, amountMinor, currency, "voided");
  }

  public static EventEnvelope<BookingChanged> completed(
      UUID bookingId, long spotId, String userId) {
    return booking(EventTypes.BOOKING_COMPLETED, bookingId, spotId, userId, "completed");
  }

  /** Creates a receipt of 10.00 EUR for two hours and ten minutes with 15 minutes of exit grace. */
  public static EventEnvelope<PaymentReceipt> receipt(UUID bookingId, long spotId, String userId) {
    return EventEnvelope.of(
        EventTypes.PAYMENT_RECEIPT_ISSUED,
        bookingId.toString(),
        new PaymentReceipt(
            UUID.randomUUID(),
            bookingId,
            userId,
            LOT_ID,
            spotId,
            START,
            END,
            START,
            END.plusSeconds(600),
            1000,
            "EUR",
            List.of(
                new PaymentReceipt.Line("Exit grace of 15 min deducted", 0),
                new PaymentReceipt.Line("First 60 min", 500),
                new PaymentReceipt.Line("1 x 60 min at 500 per hour", 500))));
  }

  private static EventEnvelope<BookingChanged> booking(
      String type, UUID bookingId, long spotId, String userId, String status) {
    return EventEnvelope.of(
        type,
        bookingId.toString(),
        new BookingChanged(bookingId, LOT_ID, FLOOR_ID, spotId, userId, START, END, status));
  }

  private static EventEnvelope<PaymentChanged> payment(
      String type,
      UUID bookingId,
      String userId,
      long amountMinor,
      String currency,
      String status) {
    return EventEnvelope.of(
        type,
        bookingId.toString(),
        new PaymentChanged(UUID.randomUUID(), bookingId, userId, amountMinor, currency, status));
  }
}
