package io.parking.payment.payment;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.payment.messaging.ProcessedEvents;
import io.parking.payment.pricing.PricingProperties;
import io.parking.payment.pricing.Tariff;
import io.parking.payment.provider.PaymentProvider;
import io.parking.payment.provider.ProviderDeclinedException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and releases the pre-authorisation hold of a booking and records its check-in. Each method
 * applies one booking event at most once: the event id and the payment change commit in one
 * transaction.
 */
@Service
class HoldService {

  private static final Logger log = LoggerFactory.getLogger(HoldService.class);

  private final PaymentRepository payments;
  private final ProcessedEvents processedEvents;
  private final PaymentProvider provider;
  private final PricingProperties pricing;
  private final PaymentEvents events;
  private final JdbcClient jdbc;

  HoldService(
      PaymentRepository payments,
      ProcessedEvents processedEvents,
      PaymentProvider provider,
      PricingProperties pricing,
      PaymentEvents events,
      JdbcClient jdbc) {
    this.payments = payments;
    this.processedEvents = processedEvents;
    this.provider = provider;
    this.pricing = pricing;
    this.events = events;
    this.jdbc = jdbc;
  }

  /** Idempotency key of a booking's hold; one booking never gets two holds. */
  static String authorisationKey(UUID bookingId) {
    return "preauth:" + bookingId;
  }

  /** Idempotency key of the release of a booking's hold. */
  static String voidKey(UUID bookingId) {
    return "void:" + bookingId;
  }

  /** Places a hold for the estimated price of a reserved booking, unless it already has one. */
  @Transactional
  void placeHold(EventEnvelope<BookingChanged> event) {
    BookingChanged booking = event.payload();
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug(
          "Skipped event {} for booking {}: already processed",
          event.eventId(),
          booking.bookingId());
      return;
    }
    String key = authorisationKey(booking.bookingId());
    if (payments.existsByIdempotencyKey(key)) {
      log.info(
          "Booking {} already has hold {}; event {} changes nothing",
          booking.bookingId(),
          key,
          event.eventId());
      return;
    }

    Tariff tariff = pricing.tariffOf(booking.lotId());
    long amountMinor =
        tariff
            .priceWindow(Duration.between(booking.startTime(), booking.endTime()), Tariff.STANDARD)
            .amountMinor();
    Payment payment;
    try {
      String reference = provider.authorise(key, amountMinor, tariff.currency());
      payment =
          Payment.authorisedHold(
              booking.bookingId(),
              booking.userId(),
              amountMinor,
              tariff.currency(),
              key,
              reference,
              Instant.now());
    } catch (ProviderDeclinedException e) {
      log.warn("Hold {} for booking {} declined: {}", key, booking.bookingId(), e.getMessage());
      payment =
          Payment.declinedHold(
              booking.bookingId(),
              booking.userId(),
              amountMinor,
              tariff.currency(),
              key,
              Instant.now());
    }

    // The existence check above is not a lock: a consumer of a rebalanced partition may insert
    // the same key first. The unique key decides, and the processor receives the same key twice,
    // which it treats as one request.
    if (payments.insertIfAbsent(payment) == 0) {
      if (payment.getStatus() == PaymentStatus.AUTHORISED
          && !payments.existsByIdempotencyKey(key)) {
        // The booking's live hold came from the API under another key: release this second one.
        provider.voidAuthorisation(voidKey(booking.bookingId()), payment.getProviderReference());
      }
      log.info(
          "Booking {} got hold {} from a concurrent consumer or the API; event {} changes nothing",
          booking.bookingId(),
          key,
          event.eventId());
      return;
    }
    log.info(
        "Payment {} for booking {}: hold of {} minor units {} {}",
        payment.getPaymentId(),
        booking.bookingId(),
        amountMinor,
        tariff.currency(),
        payment.getStatus().code());
    events.changed(
        payment.getStatus() == PaymentStatus.AUTHORISED
            ? EventTypes.PAYMENT_AUTHORISED
            : EventTypes.PAYMENT_FAILED,
        payment);
  }

  /**
   * Releases the hold of a booking that was cancelled or expired; a booking without a live hold is
   * left alone.
   */
  @Transactional
  void releaseHold(EventEnvelope<BookingChanged> event) {
    UUID bookingId = event.payload().bookingId();
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug("Skipped event {} for booking {}: already processed", event.eventId(), bookingId);
      return;
    }
    releaseLiveHold(bookingId, event);
  }

  /** Releases the live hold of the booking inside the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  void releaseLiveHold(UUID bookingId, EventEnvelope<BookingChanged> event) {
    Optional<Payment> found = payments.findLiveHoldForUpdate(bookingId);
    if (found.isEmpty()) {
      log.info(
          "Booking {} has no live hold to release ({} event {})",
          bookingId,
          event.type(),
          event.eventId());
      return;
    }
    Payment payment = found.get();
    provider.voidAuthorisation(voidKey(bookingId), payment.getProviderReference());
    payment.voidHold(Instant.now());
    log.info(
        "Payment {} for booking {}: hold released after {}",
        payment.getPaymentId(),
        bookingId,
        event.type());
    events.changed(EventTypes.PAYMENT_VOIDED, payment);
  }

  /** Records the check-in time of a booking, the entry time of its bill; the first one wins. */
  @Transactional
  void recordEntry(EventEnvelope<BookingChanged> event) {
    UUID bookingId = event.payload().bookingId();
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug("Skipped event {} for booking {}: already processed", event.eventId(), bookingId);
      return;
    }
    jdbc.sql(
            """
            INSERT INTO booking_entries (booking_id, entered_at) VALUES (:bookingId, :enteredAt)
            ON CONFLICT (booking_id) DO NOTHING
            """)
        .param("bookingId", bookingId)
        .param("enteredAt", java.sql.Timestamp.from(event.occurredAt()))
        .update();
    log.info("Booking {} checked in at {}", bookingId, event.occurredAt());
  }

  /** Returns the recorded check-in time of the booking, if one was seen. */
  Optional<Instant> entryTime(UUID bookingId) {
    return jdbc.sql("SELECT entered_at FROM booking_entries WHERE booking_id = :bookingId")
        .param("bookingId", bookingId)
        .query(java.sql.Timestamp.class)
        .optional()
        .map(java.sql.Timestamp::toInstant);
  }
}
