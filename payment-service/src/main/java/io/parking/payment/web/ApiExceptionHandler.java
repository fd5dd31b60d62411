package io.parking.payment.web;

import io.parking.payment.payment.IdempotencyKeyReusedException;
import io.parking.payment.payment.InvalidHeaderException;
import io.parking.payment.payment.PaymentConflictException;
import io.parking.payment.payment.PaymentNotFoundException;
import io.parking.payment.payment.PaymentRuleException;
import io.parking.payment.payment.ReceiptNotFoundException;
import io.parking.payment.provider.ProviderTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Turns every error into an RFC 9457 problem detail whose {@code type} is a stable URI under
 * {@value #TYPE_BASE}. Bad input carries an {@code errors} list of {@link FieldMessage}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://parking.example/problems/";

  private static final URI BLANK_TYPE = URI.create("about:blank");

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(PaymentNotFoundException.class)
  ProblemDetail handlePaymentNotFound(PaymentNotFoundException ex) {
    ProblemDetail problem =
        problem(
            HttpStatus.NOT_FOUND,
            "payment-not-found",
            "Payment not found",
            "No payment with id "
                + ex.paymentId()
                + " belongs to the driver named by the bearer token. Look up the payments of a"
                + " booking with GET /api/payments?bookingId=...");
    problem.setProperty("paymentId", ex.paymentId());
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

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String name = ex.getParameterName();
    return invalidInput(
        name,
        "is required",
        "Query parameter '" + name + "' is missing. Add ?" + name + "=... to the request.",
        headers,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldMessage> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldMessage(error.getField(), error.getDefaultMessage()))
            .toList();
    log.warn("Rejected request {}: {}", request.getDescription(false), errors);
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            "The request body has invalid fields; see errors.");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = "body";
    if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
      field =
          databind.getPath().stream()
              .map(
                  reference ->
                      reference.getPropertyName() != null
                          ? reference.getPropertyName()
                          : "[" + reference.getIndex() + "]")
              .reduce((left, right) -> left + "." + right)
              .orElse("body");
    }
    return invalidInput(
        field,
        "is malformed",
        "The request body is not valid JSON for this endpoint at '" + field + "'.",
        headers,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : ex.getPropertyName();
    String expected = describe(ex.getRequiredType());
    return invalidInput(
        name,
        "must be " + expected,
        "Parameter '"
            + name
            + "' has the value '"
            + ex.getValue()
            + "', which is not "
            + expected
            + ".",
        headers,
        request);
  }

  /** Gives the problems that Spring MVC builds itself (404, 405, 415, ...) a stable type. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, status, request);
    // Spring leaves the type unset (null) or sets about:blank, depending on the error.
    if (response != null
        && response.getBody() instanceof ProblemDetail problem
        && (problem.getType() == null || BLANK_TYPE.equals(problem.getType()))) {
      problem.setType(typeFor(status));
    }
    return response;
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail handleUnexpected(Exception ex) {
    log.error("Request failed with an unexpected error", ex);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The service failed to handle the request. Retry later; the service log has the cause.");
  }

  private ResponseEntity<Object> invalidInput(
      String field, String message, String detail, HttpHeaders headers, WebRequest request) {
    log.warn("Rejected request {}: {} {}", request.getDescription(false), field, message);
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    problem.setProperty("errors", List.of(new FieldMessage(field, message)));
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  private static ProblemDetail problem(
      HttpStatus status, String kind, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + kind));
    problem.setTitle(title);
    return problem;
  }

  private static URI typeFor(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    String kind =
        known == null
            ? "http-" + status.value()
            : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    return URI.create(TYPE_BASE + kind);
  }

  private static String describe(Class<?> type) {
    if (UUID.class.equals(type)) {
      return "a UUID such as 123e4567-e89b-12d3-a456-426614174000";
    }
    return type == null ? "of the expected type" : "a valid " + type.getSimpleName();
  }
}
