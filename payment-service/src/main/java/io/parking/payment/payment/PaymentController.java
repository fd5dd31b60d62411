package io.parking.payment.payment;

import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only HTTP API over payments. */
@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final PaymentRepository payments;

  PaymentController(PaymentRepository payments) {
    this.payments = payments;
  }

  /** Lists the payments of a booking, oldest first. */
  @GetMapping
  List<PaymentResponse> findByBooking(@RequestParam UUID bookingId) {
    return payments.findByBookingIdOrderByCreatedAt(bookingId).stream()
        .map(PaymentResponse::from)
        .toList();
  }

  @GetMapping("/{paymentId}")
  PaymentResponse findById(@PathVariable UUID paymentId) {
    return payments
        .findById(paymentId)
        .map(PaymentResponse::from)
        .orElseThrow(() -> new PaymentNotFoundException(paymentId));
  }
}
