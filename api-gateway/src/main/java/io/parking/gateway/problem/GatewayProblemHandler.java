package io.parking.gateway.problem;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every error raised inside the gateway into an RFC 9457 problem detail, replacing Spring
 * Boot's default error page. A service that cannot be reached, does not respond within its time
 * limit, or whose circuit breaker is open gets a 503 naming the service and route. A timeout also
 * gets 503 instead of the 504 that Spring Cloud Gateway raises, so clients handle one status for
 * every service failure. Error responses sent by the services themselves are not exceptions here,
 * so they pass through unchanged.
 */
@Component
@Order(-1)
class GatewayProblemHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

  private final ProblemResponses responses;

  GatewayProblemHandler(ProblemResponses responses) {
    this.responses = responses;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (exchange.getResponse().isCommitted()) {
      // Part of a service's response has already been sent, so no problem detail can replace it.
      log.warn(
          "Request {} {} failed after its response started: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          error.toString());
      return Mono.error(error);
    }

    ProblemDetail problem = toProblem(exchange, error);
    problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    // Keeps headers such as Allow that Spring attaches to a 405 or 415.
    HttpHeaders headers =
        error instanceof ErrorResponse errorResponse
            ? errorResponse.getHeaders()
            : HttpHeaders.EMPTY;
    return responses.write(exchange, problem, headers);
  }

  private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    if (route != null && hasCause(error, ConnectException.class, UnknownHostException.class)) {
      return serviceUnreachable(exchange, route, error);
    }
    if (route != null
        && hasCause(
            error,
            TimeoutException.class,
            java.util.concurrent.TimeoutException.class,
            IOException.class)) {
      return serviceNotResponding(exchange, route, error);
    }
    if (route != null
        && hasCause(error, ServiceUnavailableException.class, CallNotPermittedException.class)) {
      return circuitOpen(exchange, route);
    }
    if (route != null && hasCause(error, BulkheadFullException.class)) {
      return serviceBusy(exchange, route);
    }
    if (error instanceof ErrorResponse errorResponse) {
      return fromErrorResponse(exchange.getRequest(), errorResponse);
    }

    log.error(
        "Request {} {} failed inside the gateway",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        error);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal gateway error",
        "The gateway failed while handling this request. Retry it; if it fails again, report it"
            + " with the X-Correlation-Id of the response.");
  }

  private ProblemDetail serviceUnreachable(ServerWebExchange exchange, Route route, Throwable e) {
    String service = serviceName(route);
    log.warn(
        "Service {} at {} is unreachable for {} {} on route {}: {}",
        service,
        route.getUri(),
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        route.getId(),
        e.toString());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "service-unavailable",
            "Service unavailable",
            "The "
                + service
                + " service could not be reached, so the request was not forwarded. Retry in a"
                + " moment.");
    return withRoute(problem, service, route);
  }

  private ProblemDetail serviceNotResponding(ServerWebExchange exchange, Route route, Throwable e) {
    String service = serviceName(route);
    log.warn(
        "Service {} at {} timed out or closed the connection on {} {} on route {}: {}",
        service,
        route.getUri(),
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        route.getId(),
        e.toString());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "service-timeout",
            "Service did not respond",
            "The "
                + service
                + " service received the request but did not respond in time or closed the"
                + " connection, so it may have carried it out. Check the result before repeating a change, or repeat"
                + " it with the same Idempotency-Key.");
    return withRoute(problem, service, route);
  }

  private ProblemDetail circuitOpen(ServerWebExchange exchange, Route route) {
    String service = serviceName(route);
    // CircuitBreakerLogging logs the opening once, so each rejection is only a debug line.
    log.debug(
        "Circuit breaker of service {} is open, so {} {} on route {} was not forwarded",
        service,
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        route.getId());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "service-unavailable",
            "Service unavailable",
            "The "
                + service
                + " service failed or timed out repeatedly, so the gateway stopped forwarding"
                + " requests to it for a few seconds (circuit breaker open). The request was not"
                + " forwarded. Retry in a moment.");
    return withRoute(problem, service, route);
  }

  private ProblemDetail serviceBusy(ServerWebExchange exchange, Route route) {
    String service = serviceName(route);
    log.warn(
        "Service {} has the maximum number of requests in flight, so {} {} on route {} was not"
            + " forwarded",
        service,
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        route.getId());
    ProblemDetail problem =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "service-busy",
            "Service busy",
            "The "
                + service
                + " service is handling as many requests from this gateway as it may at once"
                + " (bulkhead full), so the request was not forwarded. Retry in a moment.");
    return withRoute(problem, service, route);
  }

  private ProblemDetail fromErrorResponse(ServerHttpRequest request, ErrorResponse error) {
    HttpStatusCode status = error.getStatusCode();
    if (status.value() == HttpStatus.NOT_FOUND.value()) {
      log.debug("No route or page matches {} {}", request.getMethod(), request.getPath());
      return problem(
          HttpStatus.NOT_FOUND,
          "not-found",
          "Not found",
          "No gateway route or page matches "
              + request.getPath().value()
              + ". The APIs are under /api/lots, /api/spots, /api/bookings, /api/payments,"
              + " /api/notifications and /api/operator; /swagger-ui.html lists them.");
    }

    log.warn(
        "Rejected {} {} with status {}: {}",
        request.getMethod(),
        request.getPath(),
        status.value(),
        error.getBody().getDetail());
    ProblemDetail problem = error.getBody();
    problem.setType(URI.create(ProblemResponses.TYPE_BASE + kindOf(status)));
    return problem;
  }

  private static ProblemDetail problem(
      HttpStatus status, String kind, String title, String detail) {
    return ProblemResponses.problem(status, kind, title, detail);
  }

  private static ProblemDetail withRoute(ProblemDetail problem, String service, Route route) {
    problem.setProperty("service", service);
    problem.setProperty("route", route.getId());
    return problem;
  }

  /** Returns the route's {@code service} metadata, falling back to the route id. */
  private static String serviceName(Route route) {
    Object service = route.getMetadata().get("service");
    return service == null ? route.getId() : service.toString();
  }

  /** Derives a problem kind such as {@code method-not-allowed} from the status reason phrase. */
  private static String kindOf(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    if (known == null) {
      return "http-" + status.value();
    }
    return known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  @SafeVarargs
  private static boolean hasCause(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }
}
