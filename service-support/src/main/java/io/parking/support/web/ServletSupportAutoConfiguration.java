package io.parking.support.web;

import io.parking.support.security.DevTokens;
import io.parking.support.security.DevelopmentKeyGuard;
import io.parking.support.security.ServiceSecurityProperties;
import io.parking.support.security.ServiceTokens;
import io.parking.support.security.TokenSettings;
import io.parking.support.security.TokenValidation;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Beans every servlet service gets by depending on this module: the token settings, the shared
 * {@link JwtDecoder}, the {@link ServiceSecurity} builder for its filter chain, tokens for calling
 * other services, and correlation ids in its logs.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ServiceSecurityProperties.class)
public class ServletSupportAutoConfiguration {

  @Bean
  TokenSettings tokenSettings(ServiceSecurityProperties properties, Environment environment) {
    TokenSettings settings = properties.toSettings();
    DevelopmentKeyGuard.check(settings, environment);
    return settings;
  }

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(TokenSettings settings) {
    return TokenValidation.decoder(settings);
  }

  @Bean
  ServiceSecurity serviceSecurity(JwtDecoder decoder) {
    return new ServiceSecurity(decoder);
  }

  @Bean
  ServiceTokens serviceTokens(
      TokenSettings settings, @Value("${spring.application.name:service}") String serviceName) {
    return new ServiceTokens(new DevTokens(settings), serviceName, Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<CorrelationIdLogging> correlationIdLogging() {
    FilterRegistrationBean<CorrelationIdLogging> registration =
        new FilterRegistrationBean<>(new CorrelationIdLogging());
    // Before Spring Security's chain, so that 401 and 403 log lines carry the id as well.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Only where the service serves OpenAPI documents. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
  static class ApiDocs {

    @Bean
    ApiDocsProblems apiDocsProblems(Environment environment) {
      // Spring Boot reads spring.application.version from the jar manifest's
      // Implementation-Version, so it is missing when the classes run from a folder.
      return new ApiDocsProblems(
          environment.getProperty("spring.application.name"),
          environment.getProperty("spring.application.version"));
    }
  }
}
