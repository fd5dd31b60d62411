package io.parking.support.web;

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
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Base of a servlet service's {@code @RestControllerAdvice}: turns every error into an RFC 9457
 * problem detail whose {@code type} is a stable URI under {@value #TYPE_BASE}. Bad input (a
 * malformed body, invalid fields, a missing or unconvertible parameter) gets type {@code
 * invalid-request} and an {@code errors} list of {@link FieldMessage}. The problems Spring MVC
 * builds itself (404, 405, 415, ...) get a type named after the status, and an unexpected exception
 * gets a 500 {@code internal-error} without its message. A subclass adds the handlers of its own
 * exceptions and builds their bodies with {@link #problem} and {@link #invalidInput}.
 */
public abstract class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

  public static final String TYPE_BASE = ProblemJson.TYPE_BASE;

  private static final URI BLANK_TYPE = URI.create("about:blank");

  /** Named after the subclass, so each service's log lines carry its own handler's name. */
  private final Logger log = LoggerFactory.getLogger(getClass());

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

  /** Names the JSON path of the field Jackson could not read, or {@code body} when it has none. */
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

  /** Returns 500 for an exception no other handler takes, and logs it with its stack trace. */
  @ExceptionHandler(Exception.class)
  protected ProblemDetail handleUnexpected(Exception ex) {
    log.error("Request failed with an unexpected error", ex);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The service failed to handle the request. Retry later; the service log has the cause.");
  }

  /**
   * Returns a 400 {@code invalid-request} problem whose {@code errors} list names {@code field} and
   * {@code message}, and logs the rejection.
   */
  protected ResponseEntity<Object> invalidInput(
      String field, String message, String detail, HttpHeaders headers, WebRequest request) {
    log.warn("Rejected request {}: {} {}", request.getDescription(false), field, message);
    ProblemDetail problem =
        problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
    problem.setProperty("errors", List.of(new FieldMessage(field, message)));
    return ResponseEntity.badRequest().headers(headers).body(problem);
  }

  /** Creates a problem detail of type {@value #TYPE_BASE}{@code kind}. */
  protected static ProblemDetail problem(
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
