package io.parking.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs every state change of the routes' circuit breakers, such as CLOSED to OPEN when a service
 * keeps failing. The requests rejected while a circuit is open are not logged one by one.
 */
@Component
class CircuitBreakerLogging {

  private static final Logger log = LoggerFactory.getLogger(CircuitBreakerLogging.class);

  CircuitBreakerLogging(CircuitBreakerRegistry registry) {
    registry.getAllCircuitBreakers().forEach(CircuitBreakerLogging::logTransitions);
    registry.getEventPublisher().onEntryAdded(added -> logTransitions(added.getAddedEntry()));
  }

  private static void logTransitions(CircuitBreaker breaker) {
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                log.warn(
                    "Circuit breaker of service {} changed from {} to {} (failure rate {})",
                    event.getCircuitBreakerName(),
                    event.getStateTransition().getFromState(),
                    event.getStateTransition().getToState(),
                    failureRate(breaker)));
  }

  /** Returns the failure rate as text; Resilience4j reports -1 until enough calls were made. */
  private static String failureRate(CircuitBreaker breaker) {
    float rate = breaker.getMetrics().getFailureRate();
    return rate < 0 ? "not measured yet" : rate + "%";
  }
}
