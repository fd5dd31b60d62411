package io.parking.iot.config;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Returns Spring MVC's own errors as RFC 9457 problem details with a stable {@code type} URI. The
 * gateway has no API of its own, so these are requests for unknown files or unsupported methods
 * under the actuator and API-doc paths. The security chain rejects every other path with 401 or 403
 * before it reaches Spring MVC.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final String TYPE_BASE = "https://parking.example/problems/";

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    // The superclass builds the ProblemDetail body when body is null, so the type is set after it.
    ResponseEntity<Object> response =
        super.handleExceptionInternal(ex, body, headers, statusCode, request);
    if (response != null
        && response.getBody() instanceof ProblemDetail problem
        && hasDefaultType(problem)) {
      problem.setType(URI.create(TYPE_BASE + kind(statusCode)));
    }
    return response;
  }

  private static boolean hasDefaultType(ProblemDetail problem) {
    URI type = problem.getType();
    return type == null || type.toString().equals("about:blank");
  }

  private static String kind(HttpStatusCode statusCode) {
    HttpStatus status = HttpStatus.resolve(statusCode.value());
    if (status == null) {
      return "error";
    }
    return switch (status) {
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "unsupported-media-type";
      case BAD_REQUEST -> "invalid-request";
      default -> status.is5xxServerError() ? "internal-error" : "request-rejected";
    };
  }
}
