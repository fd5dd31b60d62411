package io.parking.payment.payment;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentReceipt;
import io.parking.payment.messaging.ProcessedEvents;
import io.parking.payment.payment.PaymentProperties.NoShowPolicy;
import io.parking.payment.pricing.PricingProperties;
import io.parking.payment.pricing.Quote;
import io.parking.payment.pricing.Tariff;
import io.parking.payment.provider.PaymentProvider;
import io.parking.payment.provider.ProviderDeclinedException;
import io.parking.payment.provider.ProviderRejectedException;
import io.parking.payment.provider.ProviderTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes the money for a finished booking: prices the stay under the lot's tariff, captures up to
 * the held amount and charges any rest separately, each step under its own idempotency key. A hold
 * in a currency other than the tariff's is voided and the whole price is charged separately. A
 * declined or timed-out step is retried with backoff. When the attempts run out, a {@code
 * payment.failed} event alerts operators.
 */
@Service
class SettlementService {

  private static final Logger log = LoggerFactory.getLogger(SettlementService.class);

  private final PaymentRepository payments;
  private final SettlementRepository settlements;
  private final ProcessedEvents processedEvents;
  private final PaymentProvider provider;
  private final PricingProperties pricing;
  private final PaymentProperties properties;
  private final HoldService holdService;
  private final PaymentEvents events;
  private final JsonMapper mapper;

  SettlementService(
      PaymentRepository payments,
      SettlementRepository settlements,
      ProcessedEvents processedEvents,
      PaymentProvider provider,
      PricingProperties pricing,
      PaymentProperties properties,
      HoldService holdService,
      PaymentEvents events,
      JsonMapper mapper) {
    this.payments = payments;
    this.settlements = settlements;
    this.processedEvents = processedEvents;
    this.provider = provider;
    this.pricing = pricing;
    this.properties = properties;
    this.holdService = holdService;
    this.events = events;
    this.mapper = mapper;
  }

  /** Idempotency key of the capture of a booking's hold. */
  static String captureKey(UUID bookingId) {
    return "capture:" + bookingId;
  }

  /**
   * Bills a completed booking from its check-in (or window start, when no check-in was seen) to the
   * completion time, once per booking however many completion events arrive.
   */
  @Transactional
  void settleCompleted(EventEnvelope<BookingChanged> event) {
    BookingChanged booking = event.payload();
    if (!isFirstSettlementEvent(event)) {
      return;
    }
    Optional<Payment> hold = payments.findLiveHoldForUpdate(booking.bookingId());
    if (hold.isEmpty()) {
      log.warn(
          "Booking {} completed without a live hold; nothing is charged (event {})",
          booking.bookingId(),
          event.eventId());
      return;
    }
    // NOTE: the entry time is the check-in event's time and the exit time the completion event's
    // time; booking events carry no sensor times yet, and without a check-in the window start
    // is used as the entry.
    Instant entry = holdService.entryTime(booking.bookingId()).orElse(booking.startTime());
    Instant exit = event.occurredAt().isBefore(entry) ? entry : event.occurredAt();
    Tariff tariff = pricing.tariffOf(booking.lotId());
    Quote quote = tariff.priceStay(Duration.between(entry, exit), Tariff.STANDARD);
    SessionFacts session = facts(booking, entry, exit);
    open(session, Settlement.COMPLETED, quote, hold.get());
  }

  /** Applies the no-show policy to a booking that expired without a check-in. */
  @Transactional
  void settleNoShow(EventEnvelope<BookingChanged> event) {
    BookingChanged booking = event.payload();
    if (!isFirstSettlementEvent(event)) {
      return;
    }
    PaymentProperties.NoShow noShow = properties.noShow();
    if (noShow.policy() == NoShowPolicy.RELEASE || noShow.feeMinor() == 0) {
      holdService.releaseLiveHold(booking.bookingId(), event);
      return;
    }
    Optional<Payment> hold = payments.findLiveHoldForUpdate(booking.bookingId());
    if (hold.isEmpty()) {
      log.warn(
          "Booking {} expired without a live hold; no fee is charged (event {})",
          booking.bookingId(),
          event.eventId());
      return;
    }
    String currency = pricing.tariffOf(booking.lotId()).currency();
    Quote quote =
        new Quote(
            noShow.feeMinor(), currency, List.of(new Quote.Line("No-show fee", noShow.feeMinor())));
    open(facts(booking, null, null), Settlement.NO_SHOW, quote, hold.get());
  }

  /**
   * Retries one settlement if it is still pending and due, and locks its row meanwhile. Returns
   * false when another instance has locked the row or the settlement is no longer due.
   */
  @Transactional
  boolean retryIfDue(UUID bookingId) {
    Optional<Settlement> due = settlements.lockIfDue(bookingId, Instant.now());
    if (due.isEmpty()) {
      return false;
    }
    Settlement settlement = due.get();
    log.info(
        "Retrying settlement of booking {}, attempt {}", bookingId, settlement.getAttempts() + 1);
    attempt(settlement);
    return true;
  }

  private boolean isFirstSettlementEvent(EventEnvelope<BookingChanged> event) {
    UUID bookingId = event.payload().bookingId();
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug("Skipped event {} for booking {}: already processed", event.eventId(), bookingId);
      return false;
    }
    if (settlements.existsById(bookingId)) {
      log.info(
          "Booking {} is already settled; {} event {} changes nothing",
          bookingId,
          event.type(),
          event.eventId());
      return false;
    }
    return true;
  }

  private void open(SessionFacts session, String reason, Quote quote, Payment hold) {
    // The hold is captured in its own currency, so the minor units of a hold in another currency
    // must not count: a hold of 100000 JPY would pay a 10.00 EUR stay with 1000 JPY. Such a hold
    // is voided, and the whole price is charged separately.
    long heldMinor = hold.getAmountMinor();
    if (!hold.getCurrency().equals(quote.currency())) {
      log.warn(
          "Booking {}: hold {} is in {}, not in the tariff's {}, so it is voided and all {} minor"
              + " units are charged separately",
          session.bookingId(),
          hold.getPaymentId(),
          hold.getCurrency(),
          quote.currency(),
          quote.amountMinor());
      heldMinor = 0;
    }
    Settlement settlement =
        new Settlement(
            session,
            reason,
            quote.amountMinor(),
            quote.currency(),
            heldMinor,
            mapper.writeValueAsString(receiptLines(quote)),
            Instant.now());
    // The id is assigned, so save merges and returns the managed copy that later changes must use.
    settlement = settlements.saveAndFlush(settlement);
    log.info(
        "Booking {} {}: {} minor units {}, {} from hold {} and {} charged separately",
        session.bookingId(),
        reason,
        quote.amountMinor(),
        quote.currency(),
        settlement.getHoldPartMinor(),
        hold.getPaymentId(),
        settlement.getExtraPartMinor());
    attempt(settlement);
  }

  /**
   * Runs the steps of the settlement that are not done yet. Each provider call repeats its
   * idempotency key on every attempt, so a step that succeeded at the processor but whose response
   * was lost is not applied twice.
   */
  private void attempt(Settlement settlement) {
    UUID bookingId = settlement.getBookingId();
    try {
      if (!settlement.isHoldSettled()) {
        settleHold(settlement);
      }
      if (!settlement.isExtraSettled()) {
        chargeExtra(settlement);
      }
      settlement.paid(Instant.now());
      log.info("Booking {} paid: receipt {}", bookingId, settlement.getReceiptId());
      events.receiptIssued(settlement, readLines(settlement));
    } catch (ProviderDeclinedException | ProviderTimeoutException e) {
      PaymentProperties.Retry retry = properties.captureRetry();
      int attemptNumber = settlement.getAttempts() + 1;
      settlement.attemptFailed(
          e.getMessage(), retry.maxAttempts(), retry.backoffAfter(attemptNumber), Instant.now());
      if (settlement.isPending()) {
        log.warn(
            "Settlement of booking {} failed attempt {} of {}, next at {}: {}",
            bookingId,
            attemptNumber,
            retry.maxAttempts(),
            settlement.getNextAttemptAt(),
            e.getMessage());
      } else {
        raiseFailure(settlement, e.getMessage());
      }
    } catch (ProviderRejectedException | SettlementImpossibleException e) {
      settlement.failed(e.getMessage(), Instant.now());
      raiseFailure(settlement, e.getMessage());
    }
  }

  private void settleHold(Settlement settlement) {
    UUID bookingId = settlement.getBookingId();
    Payment hold =
        payments
            .findFirstByBookingIdAndKindOrderByCreatedAtDesc(bookingId, Payment.HOLD)
            .orElseThrow(() -> new SettlementImpossibleException("Booking has no hold"));
    String key = captureKey(bookingId);
    if (key.equals(hold.getCaptureKey())) {
      settlement.holdSettled(Instant.now());
      return;
    }
    if (hold.getStatus() != PaymentStatus.AUTHORISED) {
      throw new SettlementImpossibleException(
          "Hold %s is %s and cannot be captured"
              .formatted(hold.getPaymentId(), hold.getStatus().code()));
    }
    if (settlement.getHoldPartMinor() == 0) {
      provider.voidAuthorisation(HoldService.voidKey(bookingId), hold.getProviderReference());
      hold.voidHold(Instant.now());
      events.changed(EventTypes.PAYMENT_VOIDED, hold);
    } else {
      String reference =
          provider.capture(key, hold.getProviderReference(), settlement.getHoldPartMinor());
      hold.capture(settlement.getHoldPartMinor(), key, reference, Instant.now());
      events.changed(
          EventTypes.PAYMENT_CAPTURED,
          hold,
          hold.getCapturedMinor(),
          PaymentStatus.CAPTURED.code());
      log.info(
          "Payment {} for booking {}: captured {} of {} minor units held",
          hold.getPaymentId(),
          bookingId,
          hold.getCapturedMinor(),
          hold.getAmountMinor());
    }
    settlement.holdSettled(Instant.now());
  }

  private void chargeExtra(Settlement settlement) {
    UUID bookingId = settlement.getBookingId();
    long extra = settlement.getExtraPartMinor();
    if (extra > 0) {
      String key = "extra:" + bookingId;
      String authorisation =
          provider.authorise("extra-auth:" + bookingId, extra, settlement.getCurrency());
      String capture = provider.capture("extra-capture:" + bookingId, authorisation, extra);
      Payment charge =
          Payment.capturedCharge(
              bookingId,
              settlement.getUserId(),
              extra,
              settlement.getCurrency(),
              key,
              capture,
              Instant.now());
      payments.save(charge);
      events.changed(EventTypes.PAYMENT_CAPTURED, charge);
      log.info(
          "Payment {} for booking {}: charged {} minor units beyond the hold",
          charge.getPaymentId(),
          bookingId,
          extra);
    }
    settlement.extraSettled(Instant.now());
  }

  private void raiseFailure(Settlement settlement, String error) {
    log.error(
        "Settlement of booking {} failed for good after {} attempts, operators must collect {}"
            + " minor units {}: {}",
        settlement.getBookingId(),
        settlement.getAttempts(),
        settlement.getAmountMinor(),
        settlement.getCurrency(),
        error);
    payments
        .findFirstByBookingIdAndKindOrderByCreatedAtDesc(settlement.getBookingId(), Payment.HOLD)
        .ifPresent(
            hold ->
                events.changed(
                    EventTypes.PAYMENT_FAILED,
                    hold,
                    settlement.getAmountMinor(),
                    PaymentStatus.FAILED.code()));
  }

  private static SessionFacts facts(BookingChanged booking, Instant entry, Instant exit) {
    return new SessionFacts(
        booking.bookingId(),
        booking.userId(),
        booking.lotId(),
        booking.spotId(),
        booking.startTime(),
        booking.endTime(),
        entry,
        exit);
  }

  private static List<PaymentReceipt.Line> receiptLines(Quote quote) {
    return quote.lines().stream()
        .map(line -> new PaymentReceipt.Line(line.description(), line.amountMinor()))
        .toList();
  }

  List<PaymentReceipt.Line> readLines(Settlement settlement) {
    return List.of(mapper.readValue(settlement.getBreakdown(), PaymentReceipt.Line[].class));
  }

  /** Thrown when a settlement step can never succeed, for example because the hold was voided. */
  static class SettlementImpossibleException extends RuntimeException {
    SettlementImpossibleException(String message) {
      super(message);
    }
  }
}
