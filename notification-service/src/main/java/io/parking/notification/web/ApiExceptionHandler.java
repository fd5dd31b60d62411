package io.parking.notification.web;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into an RFC 9457 problem detail whose {@code type} is a stable URI under
 * {@value #TYPE_BASE}. Bad input carries an {@code errors} list of {@link FieldMessage}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://parking.example/problems/";

  private static final URI BLANK_TYPE = URI.create("about:blank");

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> handleInvalidRequest(InvalidRequestException ex, WebRequest request) {
    return invalidInput(
        ex.field(),
        ex.getMessage(),
        "'" + ex.field() + "' " + ex.getMessage() + ".",
        HttpHeaders.EMPTY,
        request);
  }

  /**
   * Returns 403 for a controller's own access check, which runs after the security chain's role
   * rules, with the same type and title as the chain's 403.
   */
  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail handleAccessDenied(AccessDeniedException ex, WebRequest request) {
    log.info("Rejected request {} with 403: {}", request.getDescription(false), ex.getMessage());
    return problem(HttpStatus.FORBIDDEN, "forbidden", "Role not allowed", ex.getMessage());
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
