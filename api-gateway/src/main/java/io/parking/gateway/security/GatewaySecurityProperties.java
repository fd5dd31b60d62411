package io.parking.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parking.gateway.security.*}: the web origins that may call the API from a browser, and the
 * Content-Security-Policy sent with every response.
 *
 * @param allowedOriginPatterns CORS origin patterns such as {@code http://localhost:[*]}; a page
 *     served from another origin cannot read the API's responses
 * @param contentSecurityPolicy the {@code Content-Security-Policy} header value
 */
@ConfigurationProperties("parking.gateway.security")
record GatewaySecurityProperties(List<String> allowedOriginPatterns, String contentSecurityPolicy) {

  GatewaySecurityProperties {
    allowedOriginPatterns =
        allowedOriginPatterns == null ? List.of() : List.copyOf(allowedOriginPatterns);
    if (contentSecurityPolicy == null || contentSecurityPolicy.isBlank()) {
      throw new IllegalArgumentException(
          "parking.gateway.security.content-security-policy is blank: set a policy such as"
              + " \"default-src 'self'\"");
    }
  }
}
