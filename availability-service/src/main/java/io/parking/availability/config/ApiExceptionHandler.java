package io.parking.availability.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the HTTP API into an RFC 9457 problem detail with a stable {@code type} URI
 * under {@value #TYPE_BASE}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  static final String TYPE_BASE = "https://parking.example/problems/";

  private static final URI ABOUT_BLANK = URI.create("about:blank");

  /** Rejects a path or query parameter that does not convert, naming it in {@code errors}. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field =
        exception instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : String.valueOf(exception.getPropertyName());
    String expected = describeType(exception.getRequiredType());
    log.warn(
        "rejected request: parameter {} is '{}', expected {}",
        field,
        exception.getValue(),
        expected);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "Parameter '"
                + field
                + "' must be "
                + expected
                + ", was '"
                + exception.getValue()
                + "'.");
    problem.setType(URI.create(TYPE_BASE + "invalid-parameter"));
    problem.setTitle("Invalid parameter");
    problem.setProperty("errors", List.of(new InvalidField(field, "must be " + expected)));
    return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Redis failed or timed out, so no count can be read. */
  @ExceptionHandler(DataAccessException.class)
  ProblemDetail handleStoreFailure(DataAccessException exception) {
    log.warn("reading counts from Redis failed: {}", exception.getMessage());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Reading the counts from the availability store (Redis) failed or timed out. Retry"
                + " later, and check that Redis is running if it persists.");
    problem.setType(URI.create(TYPE_BASE + "store-unavailable"));
    problem.setTitle("Availability store unavailable");
    return problem;
  }

  /** Any other failure: a bug or an outage this handler does not name. */
  @ExceptionHandler(Exception.class)
  ProblemDetail handleUnexpected(Exception exception) {
    log.error("request failed unexpectedly", exception);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "The availability service failed to handle the request. Retry later, and see the service"
                + " log for the cause.");
    problem.setType(URI.create(TYPE_BASE + "internal-error"));
    problem.setTitle("Internal error");
    return problem;
  }

  /** Gives the problems Spring MVC raises itself (404, 405, ...) a type named after the status. */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    // Spring Framework 7 leaves the type unset (null) on the problems it creates.
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
      problem.setType(URI.create(TYPE_BASE + typeName(status)));
    }
    return super.createResponseEntity(body, headers, status, request);
  }

  private static String describeType(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      return "a whole number";
    }
    return "a value of type " + type.getSimpleName();
  }

  private static String typeName(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known == null) {
      return "http-" + status.value();
    }
    return known.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** One rejected input value. */
  record InvalidField(String field, String message) {}
}
