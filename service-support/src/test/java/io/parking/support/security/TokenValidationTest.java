package io.parking.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

class TokenValidationTest {

  private final TokenSettings settings = TokenSettings.development();
  private final JwtDecoder decoder = TokenValidation.decoder(settings);

  @Test
  void acceptsAMintedTokenAndGrantsItsRoles() {
    String token =
        new DevTokens(settings).mint("driver-1", List.of("driver"), Duration.ofMinutes(5));

    Jwt jwt = decoder.decode(token);

    assertThat(jwt.getSubject()).isEqualTo("driver-1");
    assertThat(TokenValidation.rolesToAuthorities().convert(jwt))
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_driver");
  }

  @Test
  void rejectsAnExpiredToken() {
    Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
    String token =
        new DevTokens(settings)
            .sign("driver-1", List.of("driver"), hourAgo, hourAgo.plus(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void rejectsATokenSignedWithAnotherKey() {
    TokenSettings other =
        new TokenSettings(
            settings.issuer(), settings.audience(), "another-key-that-is-long-enough-for-hs256");
    String token = new DevTokens(other).mint("driver-1", List.of("driver"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
  }

  @Test
  void rejectsAnotherIssuerOrAudience() {
    String foreignIssuer =
        new DevTokens(new TokenSettings("someone-else", settings.audience(), settings.secret()))
            .mint("driver-1", List.of("driver"), Duration.ofMinutes(5));
    String foreignAudience =
        new DevTokens(new TokenSettings(settings.issuer(), "another-api", settings.secret()))
            .mint("driver-1", List.of("driver"), Duration.ofMinutes(5));

    assertThatThrownBy(() -> decoder.decode(foreignIssuer)).isInstanceOf(JwtException.class);
    assertThatThrownBy(() -> decoder.decode(foreignAudience))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("audience");
  }

  @Test
  void refusesToMintAnUnknownRole() {
    assertThatThrownBy(
            () -> new DevTokens(settings).mint("x", List.of("admin"), Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("admin");
  }

  @Test
  void refusesTheDevelopmentKeyUnderTheProductionProfile() {
    StandardEnvironment production = new StandardEnvironment();
    production.setActiveProfiles("prod");

    assertThatThrownBy(() -> DevelopmentKeyGuard.check(settings, production))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PARKING_SECURITY_JWT_SECRET");
    DevelopmentKeyGuard.check(settings, new StandardEnvironment());
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new TokenSettings("i", "a", "short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }
}
