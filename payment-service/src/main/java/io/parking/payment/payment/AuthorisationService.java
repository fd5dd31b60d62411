package io.parking.payment.payment;

import io.parking.events.EventTypes;
import io.parking.payment.provider.PaymentProvider;
import io.parking.payment.provider.ProviderDeclinedException;
import io.parking.payment.provider.ProviderRejectedException;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds, captures and refunds that an operator requests over HTTP with a client's {@code
 * Idempotency-Key}, on behalf of the driver who owns the booking or payment. The same key with the
 * same request returns the first result; the same key with another request is rejected. A {@link
 * io.parking.payment.provider.ProviderTimeoutException} passes through, and nothing is stored, so
 * the client retries with the same key.
 */
@Service
class AuthorisationService {

  private static final Logger log = LoggerFactory.getLogger(AuthorisationService.class);

  private final PaymentRepository payments;
  private final PaymentProvider provider;
  private final PaymentEvents events;

  AuthorisationService(PaymentRepository payments, PaymentProvider provider, PaymentEvents events) {
    this.payments = payments;
    this.provider = provider;
    this.events = events;
  }

  /**
   * Places a hold for an operator under the client's key. The hold belongs to the driver of the
   * booking, read from the hold that {@code booking.reserved} placed, and must be in that hold's
   * currency, the currency of the lot's tariff.
   *
   * @throws BookingNotFoundException when the booking has no hold from {@code booking.reserved}
   * @throws PaymentRuleException when the currency differs from that hold's
   * @throws IdempotencyKeyReusedException when the key was used for another request
   * @throws PaymentConflictException when the booking already has a live hold under another key
   */
  @Transactional
  Payment authoriseForBookingDriver(String operatorId, String key, AuthorisationRequest request) {
    UUID bookingId = request.bookingId();
    Payment reservedHold =
        payments
            .findByIdempotencyKey(HoldService.authorisationKey(bookingId))
            .orElseThrow(() -> new BookingNotFoundException(bookingId));
    if (!reservedHold.getCurrency().equals(request.currency())) {
      throw new PaymentRuleException(
          "currency-mismatch",
          "Field currency is %s, but booking %s is priced in %s, the currency of its lot's tariff. Send currency %s."
              .formatted(
                  request.currency(),
                  bookingId,
                  reservedHold.getCurrency(),
                  reservedHold.getCurrency()));
    }
    log.info(
        "Operator {} requests a hold of {} minor units for booking {} of user {}",
        operatorId,
        request.amountMinor(),
        bookingId,
        reservedHold.getUserId());
    // Same bean, so this runs in this method's transaction.
    return authorise(reservedHold.getUserId(), key, request);
  }

  /**
   * Places a hold for the booking, owned by {@code userId}, under the client's key. The caller has
   * checked that {@code userId} is the booking's driver.
   *
   * @throws IdempotencyKeyReusedException when the key was used for another request
   * @throws PaymentConflictException when the booking already has a live hold under another key
   */
  @Transactional
  Payment authorise(String userId, String key, AuthorisationRequest request) {
    var known = payments.findByIdempotencyKey(key);
    if (known.isPresent()) {
      return replay(known.get(), userId, key, request);
    }
    UUID bookingId = request.bookingId();
    // The locking read waits for a concurrent request that has locked the row, then returns its
    // hold.
    var live = payments.findLiveHoldForUpdate(bookingId);
    if (live.isPresent()) {
      if (live.get().getIdempotencyKey().equals(key)) {
        return replay(live.get(), userId, key, request);
      }
      throw liveHoldConflict(bookingId);
    }

    Payment payment;
    try {
      String reference = provider.authorise(key, request.amountMinor(), request.currency());
      payment =
          Payment.authorisedHold(
              bookingId,
              userId,
              request.amountMinor(),
              request.currency(),
              key,
              reference,
              Instant.now());
    } catch (ProviderDeclinedException e) {
      log.warn("Hold {} for booking {} declined: {}", key, bookingId, e.getMessage());
      payment =
          Payment.declinedHold(
              bookingId, userId, request.amountMinor(), request.currency(), key, Instant.now());
    }

    // A concurrent request with the same key, or with another key for the same booking, may have
    // inserted first; the insert then waits for it to commit and inserts nothing.
    if (payments.insertIfAbsent(payment) == 0) {
      var winner = payments.findByIdempotencyKey(key);
      if (winner.isPresent()) {
        return replay(winner.get(), userId, key, request);
      }
      provider.voidAuthorisation("void:" + key, payment.getProviderReference());
      throw liveHoldConflict(bookingId);
    }
    log.info(
        "Payment {} for booking {}: hold of {} minor units {} {} under a client key",
        payment.getPaymentId(),
        bookingId,
        payment.getAmountMinor(),
        payment.getCurrency(),
        payment.getStatus().code());
    events.changed(
        payment.getStatus() == PaymentStatus.AUTHORISED
            ? EventTypes.PAYMENT_AUTHORISED
            : EventTypes.PAYMENT_FAILED,
        payment);
    return payment;
  }

  /**
   * Captures {@code amountMinor} of any driver's hold for an operator, under the client's key.
   *
   * @throws PaymentNotFoundException when no payment has the id
   * @throws PaymentConflictException when the payment is not a live hold
   * @throws PaymentRuleException when the amount exceeds the hold or the processor declines
   */
  @Transactional
  Payment capture(String operatorId, UUID paymentId, String key, long amountMinor) {
    Payment payment =
        payments
            .findForUpdate(paymentId)
            .orElseThrow(() -> PaymentNotFoundException.unknown(paymentId));
    if (key.equals(payment.getCaptureKey())) {
      if (payment.getCapturedMinor() != amountMinor) {
        throw new IdempotencyKeyReusedException(
            key,
            "captured %d minor units, now %d requested"
                .formatted(payment.getCapturedMinor(), amountMinor));
      }
      return payment;
    }
    if (!payment.isLiveHold()) {
      throw new PaymentConflictException(
          payment.getBookingId(),
          "Payment %s is %s, so nothing can be captured from it"
              .formatted(paymentId, payment.getStatus().code()));
    }
    if (amountMinor > payment.getAmountMinor()) {
      throw new PaymentRuleException(
          "capture-exceeds-hold",
          "Capture of %d minor units exceeds the %d held by payment %s. Capture at most the held amount."
              .formatted(amountMinor, payment.getAmountMinor(), paymentId));
    }
    String reference;
    try {
      reference = provider.capture(key, payment.getProviderReference(), amountMinor);
    } catch (ProviderDeclinedException e) {
      throw new PaymentRuleException("payment-declined", e.getMessage());
    } catch (ProviderRejectedException e) {
      throw new PaymentConflictException(payment.getBookingId(), e.getMessage());
    }
    payment.capture(amountMinor, key, reference, Instant.now());
    log.info(
        "Payment {} for booking {} of user {}: operator {} captured {} minor units",
        paymentId,
        payment.getBookingId(),
        payment.getUserId(),
        operatorId,
        amountMinor);
    events.changed(
        EventTypes.PAYMENT_CAPTURED, payment, amountMinor, PaymentStatus.CAPTURED.code());
    return payment;
  }

  /**
   * Pays the captured amount of any driver's payment back for an operator, under the client's key.
   *
   * @throws PaymentNotFoundException when no payment has the id
   * @throws PaymentConflictException when the payment is not captured
   */
  @Transactional
  Payment refund(String operatorId, UUID paymentId, String key) {
    Payment payment =
        payments
            .findForUpdate(paymentId)
            .orElseThrow(() -> PaymentNotFoundException.unknown(paymentId));
    if (key.equals(payment.getRefundKey())) {
      return payment;
    }
    if (payment.getStatus() != PaymentStatus.CAPTURED) {
      throw new PaymentConflictException(
          payment.getBookingId(),
          "Payment %s is %s, so there is nothing to refund"
              .formatted(paymentId, payment.getStatus().code()));
    }
    try {
      provider.refund(key, payment.getCaptureReference(), payment.getCapturedMinor());
    } catch (ProviderDeclinedException e) {
      throw new PaymentRuleException("payment-declined", e.getMessage());
    } catch (ProviderRejectedException e) {
      throw new PaymentConflictException(payment.getBookingId(), e.getMessage());
    }
    payment.refund(key, Instant.now());
    log.info(
        "Payment {} for booking {} of user {}: operator {} refunded {} minor units",
        paymentId,
        payment.getBookingId(),
        payment.getUserId(),
        operatorId,
        payment.getCapturedMinor());
    events.changed(
        EventTypes.PAYMENT_REFUNDED,
        payment,
        payment.getCapturedMinor(),
        PaymentStatus.REFUNDED.code());
    return payment;
  }

  private static Payment replay(
      Payment payment, String userId, String key, AuthorisationRequest request) {
    if (!payment.getUserId().equals(userId)) {
      // The key belongs to another driver, so the message reveals nothing about that request.
      throw new IdempotencyKeyReusedException(key, "the key belongs to another request");
    }
    if (!payment.getBookingId().equals(request.bookingId())
        || payment.getAmountMinor() != request.amountMinor()
        || !payment.getCurrency().equals(request.currency())) {
      throw new IdempotencyKeyReusedException(
          key,
          "first %d %s for booking %s, now %d %s for booking %s"
              .formatted(
                  payment.getAmountMinor(),
                  payment.getCurrency(),
                  payment.getBookingId(),
                  request.amountMinor(),
                  request.currency(),
                  request.bookingId()));
    }
    log.debug("Replayed payment {} for key {}", payment.getPaymentId(), key);
    return payment;
  }

  private static PaymentConflictException liveHoldConflict(UUID bookingId) {
    return new PaymentConflictException(
        bookingId,
        "Booking %s already has a live hold under another Idempotency-Key. Capture or void it first."
            .formatted(bookingId));
  }
}
