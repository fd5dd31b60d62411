package io.parking.notification.web;

import io.parking.support.web.ProblemDetailsExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Turns the notification errors into RFC 9457 problem details. {@link
 * ProblemDetailsExceptionHandler} handles bad input, Spring MVC's own errors and unexpected
 * exceptions.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ProblemDetailsExceptionHandler {

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
}
