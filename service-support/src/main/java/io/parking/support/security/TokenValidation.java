package io.parking.support.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The one place that decides whether a bearer token is accepted and which roles it grants. The
 * gateway and every service build their decoders here, so they accept exactly the same tokens.
 */
public final class TokenValidation {

  /** Authorities of roles carry this prefix, so {@code hasRole("driver")} matches them. */
  public static final String AUTHORITY_PREFIX = "ROLE_";

  /** Clock difference between the issuer and this service that is still accepted. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private TokenValidation() {}

  /**
   * Builds the servlet services' decoder, which checks the HS256 signature, expiry, issuer and
   * audience.
   */
  public static JwtDecoder decoder(TokenSettings settings) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(settings.signingKey())
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  /** Builds the reactive gateway's decoder with the same checks. */
  public static ReactiveJwtDecoder reactiveDecoder(TokenSettings settings) {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withSecretKey(settings.signingKey())
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(TokenSettings settings) {
    return new DelegatingOAuth2TokenValidator<>(
        new JwtTimestampValidator(CLOCK_SKEW),
        new JwtIssuerValidator(settings.issuer()),
        audienceValidator(settings.audience()),
        TokenValidation::requireSubject);
  }

  private static OAuth2TokenValidator<Jwt> audienceValidator(String audience) {
    return jwt -> {
      List<String> audiences = jwt.getAudience();
      if (audiences != null && audiences.contains(audience)) {
        return OAuth2TokenValidatorResult.success();
      }
      return OAuth2TokenValidatorResult.failure(
          new OAuth2Error(
              "invalid_token", "The token was not issued for the audience " + audience, null));
    };
  }

  private static OAuth2TokenValidatorResult requireSubject(Jwt jwt) {
    String subject = jwt.getClaimAsString(JwtClaimNames.SUB);
    if (subject == null || subject.isBlank()) {
      return OAuth2TokenValidatorResult.failure(
          new OAuth2Error("invalid_token", "The token names no subject (sub claim)", null));
    }
    return OAuth2TokenValidatorResult.success();
  }

  /** Turns the token's {@value Roles#CLAIM} claim into {@code ROLE_*} authorities. */
  public static Converter<Jwt, Collection<GrantedAuthority>> rolesToAuthorities() {
    return jwt -> {
      List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
      if (roles == null) {
        return List.of();
      }
      return roles.stream()
          .filter(Roles.ALL::contains)
          .<GrantedAuthority>map(role -> new SimpleGrantedAuthority(AUTHORITY_PREFIX + role))
          .toList();
    };
  }
}
