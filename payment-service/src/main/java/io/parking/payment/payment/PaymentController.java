package io.parking.payment.payment;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read-only HTTP API over the payments of the driver named in the {@code X-User-Id} header. Another
 * driver's payment is 404 and another driver's booking lists no payments, so neither reveals that
 * it exists.
 */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final PaymentRepository payments;

  PaymentController(PaymentRepository payments) {
    this.payments = payments;
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
}
