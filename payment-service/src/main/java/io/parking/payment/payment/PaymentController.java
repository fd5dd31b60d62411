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
 * HTTP API over payments. Drivers read their own payments and receipts, named by the bearer token's
 * subject: another driver's payment or receipt is 404 and another driver's booking lists no
 * payments, so neither reveals that it exists. Operators place holds, capture them and refund
 * captures, on any driver's booking or payment, and drivers get 403 on these endpoints ({@code
 * SecurityConfiguration}). Requests that move money take an {@code Idempotency-Key} header.
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
   * Places a hold for an operator, for example after the hold of {@code booking.reserved} was
   * declined. The hold belongs to the booking's driver, and its currency must be that of the hold
   * from {@code booking.reserved} (422 {@code currency-mismatch} otherwise). A booking without a
   * hold from {@code booking.reserved} is 404. Repeating the key with the same body returns the
   * same payment. The same key with another body is 422, and another key for a booking with a live
   * hold is 409.
   *
   * <p>Drivers may not place holds. The settlement charges any price beyond the hold separately,
   * and it ignores a hold in a currency other than the tariff's: such a hold of 100000 JPY would
   * otherwise pay a 10.00 EUR stay with 1000 JPY. A driver's hold would still do harm, because a
   * 1-cent hold replaces the guarantee of the hold from {@code booking.reserved} and leaves almost
   * the whole price to a charge at exit that the card may decline. Also, before {@code
   * booking.reserved} arrives, the service cannot check that the booking in the request is the
   * caller's.
   */
  @PostMapping("/authorisations")
  @ResponseStatus(HttpStatus.CREATED)
  PaymentResponse authorise(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @Valid @RequestBody AuthorisationRequest request) {
    String operator = token.getSubject();
    return PaymentResponse.from(
        authorisations.authoriseForBookingDriver(operator, requireIdempotencyKey(key), request));
  }

  /**
   * Captures up to the held amount of any driver's hold for an operator, for example to settle a
   * stay by hand after the automatic capture failed. An unknown payment id is 404, and a voided or
   * captured hold is 409. Drivers may not capture: a driver capturing 1 cent of their own hold
   * would leave the stay without a live hold, and the settlement charges nothing then.
   */
  @PostMapping("/{paymentId}/captures")
  PaymentResponse capture(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable UUID paymentId,
      @Valid @RequestBody CaptureRequest request) {
    String operator = token.getSubject();
    return PaymentResponse.from(
        authorisations.capture(
            operator, paymentId, requireIdempotencyKey(key), request.amountMinor()));
  }

  /**
   * Pays the captured amount of any driver's payment back in full, for an operator. An unknown
   * payment id is 404, and a payment that is not captured is 409.
   */
  @PostMapping("/{paymentId}/refunds")
  PaymentResponse refund(
      @AuthenticationPrincipal Jwt token,
      @RequestHeader(name = InvalidHeaderException.IDEMPOTENCY_KEY, required = false) String key,
      @PathVariable UUID paymentId) {
    String operator = token.getSubject();
    return PaymentResponse.from(
        authorisations.refund(operator, paymentId, requireIdempotencyKey(key)));
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

  /** Returns one of the caller's payments. */
  @GetMapping("/{paymentId}")
  PaymentResponse findById(@AuthenticationPrincipal Jwt token, @PathVariable UUID paymentId) {
    String driver = token.getSubject();
    return payments
        .findByPaymentIdAndUserId(paymentId, driver)
        .map(PaymentResponse::from)
        .orElseThrow(() -> PaymentNotFoundException.ofDriver(paymentId));
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
