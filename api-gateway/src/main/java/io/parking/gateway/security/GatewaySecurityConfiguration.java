package io.parking.gateway.security;

import io.parking.support.security.DevelopmentKeyGuard;
import io.parking.support.security.ServiceSecurityProperties;
import io.parking.support.security.TokenSettings;
import io.parking.support.security.TokenValidation;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's Spring Security chain: stateless bearer-token authentication with the decoder every
 * service uses, the path rules of {@link AccessRules}, CORS for browser pages on other origins, and
 * security headers on every response. The servlet auto-configuration of service-support does not
 * apply to this reactive application, so the token settings are bound here.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({ServiceSecurityProperties.class, GatewaySecurityProperties.class})
class GatewaySecurityConfiguration {

  /** Methods and headers a page on an allowed origin may use; PUT is not part of the API. */
  static final List<String> CORS_METHODS = List.of("GET", "POST", "PATCH", "DELETE", "OPTIONS");

  static final List<String> CORS_REQUEST_HEADERS =
      List.of(
          "Authorization", "Content-Type", "Idempotency-Key", "X-Correlation-Id", "If-None-Match");

  static final List<String> CORS_EXPOSED_HEADERS =
      List.of("X-Correlation-Id", "Retry-After", "ETag");

  /** How long a browser may cache a preflight response. */
  static final Duration CORS_MAX_AGE = Duration.ofHours(1);

  @Bean
  TokenSettings tokenSettings(ServiceSecurityProperties properties, Environment environment) {
    TokenSettings settings = properties.toSettings();
    DevelopmentKeyGuard.check(settings, environment);
    return settings;
  }

  @Bean
  ReactiveJwtDecoder reactiveJwtDecoder(TokenSettings settings) {
    return TokenValidation.reactiveDecoder(settings);
  }

  @Bean
  CorsConfigurationSource corsConfigurationSource(GatewaySecurityProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOriginPatterns(properties.allowedOriginPatterns());
    cors.setAllowedMethods(CORS_METHODS);
    cors.setAllowedHeaders(CORS_REQUEST_HEADERS);
    cors.setExposedHeaders(CORS_EXPOSED_HEADERS);
    cors.setMaxAge(CORS_MAX_AGE);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  @Bean
  SecurityWebFilterChain gatewaySecurityChain(
      ServerHttpSecurity http,
      ReactiveJwtDecoder decoder,
      CorsConfigurationSource cors,
      SecurityProblemHandler problems,
      GatewaySecurityProperties properties) {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(TokenValidation.rolesToAuthorities());

    http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .cors(spec -> spec.configurationSource(cors))
        .headers(
            headers ->
                headers
                    .contentTypeOptions(Customizer.withDefaults())
                    .frameOptions(
                        frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(properties.contentSecurityPolicy())))
        .authorizeExchange(AccessRules::apply)
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(decoder)
                                .jwtAuthenticationConverter(
                                    new ReactiveJwtAuthenticationConverterAdapter(converter)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }
}
