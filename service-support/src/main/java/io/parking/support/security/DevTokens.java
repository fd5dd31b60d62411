package io.parking.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The development token issuer: signs tokens with the shared key of {@link TokenSettings}. Tests,
 * the sensor simulator, {@code ./parking token} and the services' own calls to internal endpoints
 * use it. A production platform takes drivers' tokens from its identity provider instead.
 */
public final class DevTokens {

  private final TokenSettings settings;
  private final Clock clock;

  public DevTokens(TokenSettings settings) {
    this(settings, Clock.systemUTC());
  }

  public DevTokens(TokenSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Mints a signed token for {@code subject} with the given roles, valid from now for {@code
   * lifetime}.
   *
   * @throws IllegalArgumentException when a role is not one of {@link Roles#ALL}
   */
  public String mint(String subject, List<String> roles, Duration lifetime) {
    Instant now = clock.instant();
    return sign(subject, roles, now, now.plus(lifetime));
  }

  /**
   * Signs a token with explicit times, for tests that need one that has already expired.
   *
   * @throws IllegalArgumentException when a role is not one of {@link Roles#ALL}
   */
  public String sign(String subject, List<String> roles, Instant issuedAt, Instant expiresAt) {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("subject is blank: name the user the token is for");
    }
    for (String role : roles) {
      if (!Roles.ALL.contains(role)) {
        throw new IllegalArgumentException("unknown role '" + role + "': use one of " + Roles.ALL);
      }
    }
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuer())
            .audience(settings.audience())
            .subject(subject)
            .claim(Roles.CLAIM, List.copyOf(roles))
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(settings.signingKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign a development token", e);
    }
    return jwt.serialize();
  }
}
