package io.parking.payment.payment;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP API over the payments of the driver named in the {@code X-User-Id} header. Another driver's
 * payment or receipt is 404 and another driver's booking lists no payments, so neither reveals that
 * it exists. Requests that move money take an {@code Idempotency-Key} header.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final PaymentRepository payments;
  private final SettlementRepository settlements;
  private final SettlementService settlementService;
  private final AuthorisationService authorisations;

  PaymentController(
      PaymentRepository payments,
      SettlementRepository settlements,
      SettlementService settlementService,
      AuthorisationService authorisations) {
    this.payments = payments;
    this.settlements = settlements;
    this.settlementService = settlementService;
    this.authorisations = authorisations;
  }

  /**
   * Places a hold. Repeating the key with the same body returns the same payment. The same key with
   * another body is 422, and another key for a booking with a live hold is 409.
   */
  @PostMapping("/authorisations")
  @ResponseStatus(HttpStatus.CREATED)
  PaymentResponse authorise(
      @RequestHeader(name = InvalidUserIdException.HEADER, required = false) String userId,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody AuthorisationRequest request) {
    String driver = requireUserId(userId);
    return PaymentResponse.from(
        authorisations.authorise(driver, requireIdempotencyKey(key), request));
  }

  /** Captures up to the held amount of a hold; a voided or captured hold is 409. */
  @PostMapping("/{paymentId}/captures")
  PaymentResponse capture(
      @RequestHeader(name = InvalidUserIdException.HEADER, required = false) String userId,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable UUID paymentId,
      @Valid @RequestBody CaptureRequest request) {
    String driver = requireUserId(userId);
    return PaymentResponse.from(
        authorisations.capture(
            driver, paymentId, requireIdempotencyKey(key), request.amountMinor()));
  }

  /** Pays the captured amount back in full; a payment that is not captured is 409. */
  @PostMapping("/{paymentId}/refunds")
  PaymentResponse refund(
      @RequestHeader(name = InvalidUserIdException.HEADER, required = false) String userId,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable UUID paymentId) {
    String driver = requireUserId(userId);
    return PaymentResponse.from(
        authorisations.refund(driver, paymentId, requireIdempotencyKey(key)));
  }

  /** Returns the bill of the caller's finished booking, with its rate breakdown. */
  @GetMapping("/receipts")
  ReceiptResponse receipt(
      @RequestHeader(name = InvalidUserIdException.HEADER, required = false) String userId,
      @RequestParam UUID bookingId) {
    String driver = requireUserId(userId);
    Settlement settlement =
        settlements
            .findByBookingIdAndUserId(bookingId, driver)
            .orElseThrow(() -> new ReceiptNotFoundException(bookingId));
    return ReceiptResponse.from(settlement, settlementService.readLines(settlement));
  }

  /** Lists the caller's payments of a booking, oldest first. */
  @GetMapping
  List<PaymentResponse> findByBooking(
      @RequestHeader(name = InvalidUserIdException.HEADER, required = false) String userId,
      @RequestParam UUID bookingId) {
    String driver = requireUserId(userId);
    return payments.findByBookingIdAndUserIdOrderByCreatedAt(bookingId, driver).stream()
        .map(PaymentResponse::from)
        .toList();
  }

  @GetMapping("/{paymentId}")
  PaymentResponse findById(
      @RequestHeader(name = InvalidUserIdException.HEADER, required = false) String userId,
      @PathVariable UUID paymentId) {
    String driver = requireUserId(userId);
    return payments
        .findByPaymentIdAndUserId(paymentId, driver)
        .map(PaymentResponse::from)
        .orElseThrow(() -> new PaymentNotFoundException(paymentId));
  }

  // The header is optional for Spring because Spring rejects only a missing value and passes a
  // blank one through. Checking both here gives them the same problem type.
  private static String requireUserId(String userId) {
    if (userId == null) {
      throw InvalidUserIdException.missing();
    }
    if (userId.isBlank()) {
      throw InvalidUserIdException.blank();
    }
    return userId;
  }

  private static String requireIdempotencyKey(String key) {
    if (key == null) {
      throw new InvalidHeaderException(InvalidHeaderException.IDEMPOTENCY_KEY, "is required");
    }
    if (key.isBlank() || key.length() > 255) {
      throw new InvalidHeaderException(
          InvalidHeaderException.IDEMPOTENCY_KEY, "must be 1 to 255 non-blank characters");
    }
    return key;
  }
}
