package io.parking.payment.web;

import io.parking.payment.payment.BookingNotFoundException;
import io.parking.payment.payment.IdempotencyKeyReusedException;
import io.parking.payment.payment.InvalidHeaderException;
import io.parking.payment.payment.PaymentConflictException;
import io.parking.payment.payment.PaymentNotFoundException;
import io.parking.payment.payment.PaymentRuleException;
import io.parking.payment.payment.ReceiptNotFoundException;
import io.parking.payment.provider.ProviderTimeoutException;
import io.parking.support.web.FieldMessage;
import io.parking.support.web.ProblemDetailsExceptionHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Turns the payment errors into RFC 9457 problem details. {@link ProblemDetailsExceptionHandler}
 * handles bad input, Spring MVC's own errors and unexpected exceptions.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(PaymentNotFoundException.class)
  ProblemDetail handlePaymentNotFound(PaymentNotFoundException ex) {
    ProblemDetail problem =
        problem(HttpStatus.NOT_FOUND, "payment-not-found", "Payment not found", ex.getMessage());
    problem.setProperty("paymentId", ex.paymentId());
    return problem;
  }

  @ExceptionHandler(BookingNotFoundException.class)
  ProblemDetail handleBookingNotFound(BookingNotFoundException ex) {
    log.warn("Rejected hold for booking {}: no hold from booking.reserved", ex.bookingId());
    ProblemDetail problem =
        problem(HttpStatus.NOT_FOUND, "booking-not-found", "Booking not found", ex.getMessage());
    problem.setProperty("bookingId", ex.bookingId());
    return problem;
  }

  @ExceptionHandler(ReceiptNotFoundException.class)
  ProblemDetail handleReceiptNotFound(ReceiptNotFoundException ex) {
    ProblemDetail problem =
        problem(
            HttpStatus.NOT_FOUND,
            "receipt-not-found",
            "Receipt not found",
            "No receipt for booking "
                + ex.bookingId()
                + " belongs to the driver named by the bearer token. A receipt exists once the"
                + " booking is completed or expired with a fee.");
    problem.setProperty("bookingId", ex.bookingId());
    return problem;
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ProblemDetail handleKeyReused(IdempotencyKeyReusedException ex) {
    log.warn("Rejected reuse of idempotency key {}: {}", ex.idempotencyKey(), ex.getMessage());
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused",
        "Idempotency key reused with another request",
        ex.getMessage());
  }

  @ExceptionHandler(PaymentConflictException.class)
  ProblemDetail handlePaymentConflict(PaymentConflictException ex) {
    log.warn("Rejected payment request for booking {}: {}", ex.bookingId(), ex.getMessage());
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "payment-conflict", "Payment state conflict", ex.getMessage());
    problem.setProperty("bookingId", ex.bookingId());
    return problem;
  }

  @ExceptionHandler(PaymentRuleException.class)
  ProblemDetail handlePaymentRule(PaymentRuleException ex) {
    log.warn("Rejected payment request: {}", ex.getMessage());
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT, ex.kind(), "Payment rule broken", ex.getMessage());
  }

  @ExceptionHandler(ProviderTimeoutException.class)
  ProblemDetail handleProviderTimeout(ProviderTimeoutException ex) {
    log.warn("Card processor timed out: {}", ex.getMessage());
    return problem(
        HttpStatus.GATEWAY_TIMEOUT,
        "payment-provider-timeout",
        "Card processor timed out",
        "The card processor did not answer in time, and the request may have been applied. Retry"
            + " with the same Idempotency-Key: it is applied at most once.");
  }

  @ExceptionHandler(InvalidHeaderException.class)
  ProblemDetail handleInvalidHeader(InvalidHeaderException ex, WebRequest request) {
    log.warn(
        "Rejected request {}: header {} {}",
        request.getDescription(false),
        ex.header(),
        ex.reason());
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST, "invalid-header", "Invalid request header", ex.getMessage());
    problem.setProperty("errors", List.of(new FieldMessage(ex.header(), ex.reason())));
    return problem;
  }
}
