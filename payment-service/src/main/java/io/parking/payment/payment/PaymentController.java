package io.parking.payment.payment;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * HTTP API over the payments of the driver named by the bearer token's subject. Another driver's
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
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody AuthorisationRequest request) {
    String driver = token.getSubject();
    return PaymentResponse.from(
        authorisations.authorise(driver, requireIdempotencyKey(key), request));
  }

  /** Captures up to the held amount of a hold; a voided or captured hold is 409. */
  @PostMapping("/{paymentId}/captures")
  PaymentResponse capture(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable UUID paymentId,
      @Valid @RequestBody CaptureRequest request) {
    String driver = token.getSubject();
    return PaymentResponse.from(
        authorisations.capture(
            driver, paymentId, requireIdempotencyKey(key), request.amountMinor()));
  }

  /** Pays the captured amount back in full; a payment that is not captured is 409. */
  @PostMapping("/{paymentId}/refunds")
  PaymentResponse refund(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable UUID paymentId) {
    String driver = token.getSubject();
    return PaymentResponse.from(
        authorisations.refund(driver, paymentId, requireIdempotencyKey(key)));
  }

  /** Returns the bill of the caller's finished booking, with its rate breakdown. */
  @GetMapping("/receipts")
  ReceiptResponse receipt(@AuthenticationPrincipal Jwt token, @RequestParam UUID bookingId) {
    String driver = token.getSubject();
    Settlement settlement =
        settlements
            .findByBookingIdAndUserId(bookingId, driver)
            .orElseThrow(() -> new ReceiptNotFoundException(bookingId));
    return ReceiptResponse.from(settlement, settlementService.readLines(settlement));
  }

  /** Lists the caller's payments of a booking, oldest first. */
  @GetMapping
  List<PaymentResponse> findByBooking(
      @AuthenticationPrincipal Jwt token, @RequestParam UUID bookingId) {
    String driver = token.getSubject();
    return payments.findByBookingIdAndUserIdOrderByCreatedAt(bookingId, driver).stream()
        .map(PaymentResponse::from)
        .toList();
  }

  @GetMapping("/{paymentId}")
  PaymentResponse findById(@AuthenticationPrincipal Jwt token, @PathVariable UUID paymentId) {
    String driver = token.getSubject();
    return payments
        .findByPaymentIdAndUserId(paymentId, driver)
        .map(PaymentResponse::from)
        .orElseThrow(() -> new PaymentNotFoundException(paymentId));
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
