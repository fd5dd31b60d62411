package io.parking.payment.payment;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.payment.messaging.ProcessedEvents;
import io.parking.payment.provider.PaymentProvider;
import io.parking.payment.provider.PaymentProvider.AuthorisationOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Places and releases the pre-authorisation hold of a booking. Each method applies one booking
 * event at most once: the event id and the payment change commit in one transaction.
 */
@Service
class HoldService {

  private static final Logger log = LoggerFactory.getLogger(HoldService.class);

  private final PaymentRepository payments;
  private final ProcessedEvents processedEvents;
  private final PaymentProvider provider;
  private final PaymentProperties properties;
  private final ApplicationEventPublisher applicationEvents;

  HoldService(
      PaymentRepository payments,
      ProcessedEvents processedEvents,
      PaymentProvider provider,
      PaymentProperties properties,
      ApplicationEventPublisher applicationEvents) {
    this.payments = payments;
    this.processedEvents = processedEvents;
    this.provider = provider;
    this.properties = properties;
    this.applicationEvents = applicationEvents;
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

    long amountMinor =
        HoldPricing.estimateMinor(
            booking.startTime(), booking.endTime(), properties.hourlyRateMinor());
    AuthorisationOutcome outcome = provider.authorise(key, amountMinor, properties.currency());
    Payment payment =
        outcome == AuthorisationOutcome.APPROVED
            ? Payment.authorisedHold(
                booking.bookingId(),
                booking.userId(),
                amountMinor,
                properties.currency(),
                key,
                Instant.now())
            : Payment.declinedHold(
                booking.bookingId(),
                booking.userId(),
                amountMinor,
                properties.currency(),
                key,
                Instant.now());

    // The existence check above is not a lock: a consumer of a rebalanced partition may insert
    // the same key first. The unique key decides, and the processor receives the same key twice,
    // which it treats as one request.
    if (payments.insertIfAbsent(payment) == 0) {
      log.info(
          "Booking {} got hold {} from a concurrent consumer; event {} changes nothing",
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
        properties.currency(),
        payment.getStatus().code());
    if (payment.getStatus() == PaymentStatus.AUTHORISED) {
      publishAfterCommit(EventTypes.PAYMENT_AUTHORISED, payment);
    }
  }

  /**
   * Releases the hold of a cancelled booking; a booking without an authorised hold is left alone.
   */
  @Transactional
  void releaseHold(EventEnvelope<BookingChanged> event) {
    UUID bookingId = event.payload().bookingId();
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug("Skipped event {} for booking {}: already processed", event.eventId(), bookingId);
      return;
    }
    Optional<Payment> found = payments.findForUpdateByIdempotencyKey(authorisationKey(bookingId));
    if (found.isEmpty()) {
      log.warn(
          "Booking {} was cancelled but has no hold to release (event {})",
          bookingId,
          event.eventId());
      return;
    }
    Payment payment = found.get();
    if (payment.getStatus() != PaymentStatus.AUTHORISED) {
      log.info(
          "Payment {} for booking {} is {}; nothing to release (event {})",
          payment.getPaymentId(),
          bookingId,
          payment.getStatus().code(),
          event.eventId());
      return;
    }

    provider.voidAuthorisation(voidKey(bookingId), payment.getIdempotencyKey());
    payment.voidHold(Instant.now());
    log.info("Payment {} for booking {}: hold released", payment.getPaymentId(), bookingId);
    publishAfterCommit(EventTypes.PAYMENT_VOIDED, payment);
  }

  private void publishAfterCommit(String type, Payment payment) {
    PaymentChanged change =
        new PaymentChanged(
            payment.getPaymentId(),
            payment.getBookingId(),
            payment.getUserId(),
            payment.getAmountMinor(),
            payment.getCurrency(),
            payment.getStatus().code());
    applicationEvents.publishEvent(
        new PaymentEventCommitted(
            EventEnvelope.of(type, payment.getBookingId().toString(), change)));
  }
}
