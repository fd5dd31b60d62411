package io.parking.payment.config;

import io.parking.support.security.Roles;
import io.parking.support.web.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Access rules of the service. Operators place holds ({@code POST /api/payments/authorisations}),
 * capture them ({@code POST /api/payments/{paymentId}/captures}) and refund captures ({@code POST
 * /api/payments/{paymentId}/refunds}), for any driver's payment. Drivers only read their own
 * payments and receipts: {@code GET /api/payments}, {@code GET /api/payments/{paymentId}} and
 * {@code GET /api/payments/receipts}. A driver token on an operator endpoint, like any other token
 * without the rule's role, gets 403 problem details. Health and the API docs are open; {@link
 * ServiceSecurity} denies every other path.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, ServiceSecurity security)
      throws Exception {
    return security.build(
        http,
        auth ->
            // The operator rules come first because the first matching rule decides.
            auth.requestMatchers(
                    HttpMethod.POST,
                    "/api/payments/authorisations",
                    "/api/payments/*/captures",
                    "/api/payments/*/refunds")
                .hasRole(Roles.OPERATOR)
                .requestMatchers("/api/payments", "/api/payments/**")
                .hasRole(Roles.DRIVER));
  }
}
