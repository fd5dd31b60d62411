package io.parking.booking.config;

import io.parking.booking.booking.BookingNotCancellableException;
import io.parking.booking.booking.BookingNotFoundException;
import io.parking.booking.booking.BookingTime;
import io.parking.booking.booking.CheckInNotOpenException;
import io.parking.booking.booking.IdempotencyKeyReusedException;
import io.parking.booking.booking.IllegalBookingTransitionException;
import io.parking.booking.booking.InvalidBookingWindowException;
import io.parking.booking.booking.InvalidParameterException;
import io.parking.booking.booking.NoSpotAvailableException;
import io.parking.booking.booking.SpotUnavailableException;
import io.parking.booking.booking.TokenSubjectTooLongException;
import io.parking.booking.lot.FloorNotFoundException;
import io.parking.booking.lot.LotNotFoundException;
import io.parking.booking.lot.SpotNotFoundException;
import io.parking.booking.lot.SpotVersionConflictException;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every error of the HTTP API into an RFC 9457 problem detail with a stable {@code type}
 * under {@value #TYPE_BASE}, and for invalid input an {@code errors} list of {@link FieldProblem}s.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://parking.example/problems/";

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(LotNotFoundException.class)
  ProblemDetail lotNotFound(LotNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "lot-not-found", "Lot not found", e.getMessage());
  }

  @ExceptionHandler(FloorNotFoundException.class)
  ProblemDetail floorNotFound(FloorNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "floor-not-found", "Floor not found", e.getMessage());
  }

  @ExceptionHandler(SpotNotFoundException.class)
  ProblemDetail spotNotFound(SpotNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "spot-not-found", "Spot not found", e.getMessage());
  }

  @ExceptionHandler(BookingNotFoundException.class)
  ProblemDetail bookingNotFound(BookingNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "booking-not-found", "Booking not found", e.getMessage());
  }

  @ExceptionHandler(SpotUnavailableException.class)
  ProblemDetail spotUnavailable(SpotUnavailableException e) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "spot-unavailable", "Spot is not available", e.getMessage());
    problem.setProperty("spotId", e.spotId());
    problem.setProperty("reason", e.reason());
    return problem;
  }

  @ExceptionHandler(NoSpotAvailableException.class)
  ProblemDetail noSpotAvailable(NoSpotAvailableException e) {
    return problem(HttpStatus.CONFLICT, "no-spot-available", "No spot available", e.getMessage());
  }

  @ExceptionHandler(IllegalBookingTransitionException.class)
  ProblemDetail illegalTransition(IllegalBookingTransitionException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.CONFLICT,
            "illegal-booking-transition",
            "Booking cannot make this transition",
            e.getMessage());
    // Not "status", which RFC 9457 reserves for the HTTP status code.
    problem.setProperty("bookingStatus", e.status().stored());
    return problem;
  }

  @ExceptionHandler(CheckInNotOpenException.class)
  ProblemDetail checkInNotOpen(CheckInNotOpenException e) {
    return problem(
        HttpStatus.CONFLICT, "check-in-not-open", "Check-in is not open", e.getMessage());
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "idempotency-key-reused",
            "Idempotency key reused",
            e.getMessage());
    problem.setProperty(
        "errors",
        List.of(new FieldProblem("Idempotency-Key", "was used for a different request body")));
    return problem;
  }

  @ExceptionHandler(InvalidParameterException.class)
  ProblemDetail invalidParameter(InvalidParameterException e) {
    log.warn("Request rejected: parameter {} {}", e.name(), e.reason());
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-parameter",
            "Invalid request parameter",
            e.getMessage());
    problem.setProperty("errors", List.of(new FieldProblem(e.name(), e.reason())));
    return problem;
  }

  /**
   * Last guard for a database constraint that the checks before it did not catch, for example the
   * no-overlap exclusion constraint when a concurrent change slipped past the version guard.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail dataConflict(DataIntegrityViolationException e) {
    log.warn("Request rejected by a database constraint", e);
    return problem(
        HttpStatus.CONFLICT,
        "data-conflict",
        "Conflicting change",
        "The change conflicts with data written by another request: read the current state and"
            + " try again.");
  }

  @ExceptionHandler(BookingNotCancellableException.class)
  ProblemDetail bookingNotCancellable(BookingNotCancellableException e) {
    return problem(
        HttpStatus.CONFLICT,
        "booking-not-cancellable",
        "Booking cannot be cancelled",
        e.getMessage());
  }

  @ExceptionHandler(SpotVersionConflictException.class)
  ProblemDetail spotChanged(SpotVersionConflictException e) {
    return problem(
        HttpStatus.CONFLICT, "spot-changed", "Spot changed concurrently", e.getMessage());
  }

  @ExceptionHandler(InvalidBookingWindowException.class)
  ProblemDetail invalidWindow(InvalidBookingWindowException e) {
    log.warn("Booking request rejected: {}", e.getMessage());
    ProblemDetail problem =
        problem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "invalid-booking-window",
            "Invalid booking window",
            e.getMessage());
    problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.reason())));
    return problem;
  }

  @ExceptionHandler(TokenSubjectTooLongException.class)
  ProblemDetail tokenSubjectTooLong(TokenSubjectTooLongException e) {
    log.warn("Request rejected: {}", e.getMessage());
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-token-subject",
            "Invalid token subject",
            e.getMessage());
    problem.setProperty(
        "errors",
        List.of(new FieldProblem("sub", "is longer than " + e.maxLength() + " characters")));
    return problem;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
    String fields =
        errors.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
    log.warn("Request rejected: invalid fields {}", fields);
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request body",
            "Invalid or missing fields: " + fields + ". Correct them and send the request again.");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldProblem error = unreadableField(e);
    log.warn("Request rejected: unreadable body at {}: {}", error.field(), error.message());
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "malformed-json",
            "Malformed JSON",
            "The request body could not be read at '" + error.field() + "': " + error.message());
    problem.setProperty("errors", List.of(error));
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() == null ? "path" : e.getPropertyName();
    String expected = e.getRequiredType() == null ? "a valid value" : describe(e.getRequiredType());
    log.warn("Request rejected: parameter {} has an invalid value", name);
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-parameter",
            "Invalid request parameter",
            "Parameter '" + name + "' must be " + expected + ".");
    problem.setProperty("errors", List.of(new FieldProblem(name, "must be " + expected)));
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  private static FieldProblem unreadableField(HttpMessageNotReadableException e) {
    if (!(e.getCause() instanceof JacksonException jackson)) {
      return new FieldProblem("body", "is missing or not JSON");
    }
    String field =
        jackson.getPath().stream()
            .map(
                reference ->
                    reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."));
    if (jackson instanceof ValueInstantiationException instantiation
        && instantiation.getType() != null
        && !field.isEmpty()) {
      return new FieldProblem(field, "must be " + describe(instantiation.getType().getRawClass()));
    }
    if (jackson instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && !field.isEmpty()) {
      return new FieldProblem(field, "must be " + describe(mismatch.getTargetType()));
    }
    if (field.isEmpty()) {
      var location = jackson.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      return new FieldProblem("body", "is not valid JSON" + where);
    }
    return new FieldProblem(field, "has an invalid value");
  }

  private static String describe(Class<?> type) {
    if (type == BookingTime.class) {
      return "an ISO-8601 date-time, with offset (2026-12-04T10:00:00+01:00) or without"
          + " (2026-12-04T10:00, read in the lot's time zone)";
    }
    if (type == Instant.class) {
      return "an ISO-8601 instant with offset, for example 2026-12-04T10:00:00Z";
    }
    if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
      return "a whole number";
    }
    if (type == UUID.class) {
      return "a UUID";
    }
    return "a valid " + type.getSimpleName();
  }

  private static ProblemDetail problem(
      HttpStatus status, String kind, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + kind));
    problem.setTitle(title);
    return problem;
  }
}
