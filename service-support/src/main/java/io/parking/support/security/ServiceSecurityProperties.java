package io.parking.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code parking.security.jwt.*}: the token issuer, audience and signing key every service and the
 * gateway check. The defaults are the development values of {@link TokenSettings}.
 */
@ConfigurationProperties("parking.security.jwt")
public record ServiceSecurityProperties(
    @DefaultValue(TokenSettings.DEFAULT_ISSUER) String issuer,
    @DefaultValue(TokenSettings.DEFAULT_AUDIENCE) String audience,
    @DefaultValue(TokenSettings.DEVELOPMENT_SECRET) String secret) {

  public TokenSettings toSettings() {
    return new TokenSettings(issuer, audience, secret);
  }

  @Override
  public String toString() {
    return toSettings().toString();
  }
}
