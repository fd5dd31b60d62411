package io.parking.gateway.security;

import io.parking.support.security.Roles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * The gateway's rules of which role may call which path. The services check the same token again
 * with their own, finer rules, and these rules stop a request before it reaches a service.
 *
 * <ul>
 *   <li>Open to anyone, with or without a token: the kiosk page, the API docs, health, and reads of
 *       the free-spot counts (a kiosk token reaches nothing else).
 *   <li>Reads of lots and spots: drivers and operators.
 *   <li>Bookings and payment reads: drivers. Holds, captures and refunds: operators. Notifications:
 *       drivers and operators. Operator endpoints and the actuator endpoints other than health:
 *       operators.
 *   <li>Any other path: a token with the driver, operator or service role, so only those callers
 *       get a 404 for an unknown path.
 * </ul>
 *
 * <p>A request that carries an invalid token is rejected with 401 even on an open path.
 */
final class AccessRules {

  static final String[] OPEN_PATHS = {
    "/kiosk",
    "/kiosk/**",
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/**",
    "/v3/api-docs/**",
    "/actuator/health",
    "/actuator/health/**"
  };

  static final String[] AVAILABILITY_PATHS = {
    "/api/lots/{lotId}/availability",
    "/api/lots/{lotId}/availability/stream",
    "/api/lots/{lotId}/floors/{floorId}/availability"
  };

  /** Holds, captures and refunds, which operators place by hand for any driver's payment. */
  static final String[] OPERATOR_PAYMENT_PATHS = {
    "/api/payments/authorisations", "/api/payments/*/captures", "/api/payments/*/refunds"
  };

  private AccessRules() {}

  static void apply(AuthorizeExchangeSpec rules) {
    rules
        .pathMatchers(OPEN_PATHS)
        .permitAll()
        .pathMatchers(HttpMethod.GET, AVAILABILITY_PATHS)
        .permitAll()
        .pathMatchers(HttpMethod.HEAD, AVAILABILITY_PATHS)
        .permitAll()
        .pathMatchers(HttpMethod.GET, "/api/lots/**", "/api/spots/**")
        .hasAnyRole(Roles.DRIVER, Roles.OPERATOR)
        .pathMatchers(HttpMethod.POST, OPERATOR_PAYMENT_PATHS)
        .hasRole(Roles.OPERATOR)
        .pathMatchers("/api/bookings/**", "/api/payments/**")
        .hasRole(Roles.DRIVER)
        .pathMatchers("/api/notifications/**")
        .hasAnyRole(Roles.DRIVER, Roles.OPERATOR)
        .pathMatchers("/api/operator/**", "/actuator/**")
        .hasRole(Roles.OPERATOR)
        .anyExchange()
        .hasAnyRole(Roles.DRIVER, Roles.OPERATOR, Roles.SERVICE);
  }
}
