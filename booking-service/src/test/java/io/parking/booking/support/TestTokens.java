package io.parking.booking.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Bearer tokens for the tests, signed with the development settings that {@link IntegrationTest}
 * pins for the service. Tokens use the real time, not the test clock, because the service checks
 * their expiry against the system clock.
 */
public final class TestTokens {

  /** Properties that pin the service under test to the settings these tokens are signed with. */
  public static final String ISSUER_PROPERTY =
      "parking.security.jwt.issuer=" + TokenSettings.DEFAULT_ISSUER;

  public static final String AUDIENCE_PROPERTY =
      "parking.security.jwt.audience=" + TokenSettings.DEFAULT_AUDIENCE;

  public static final String SECRET_PROPERTY =
      "parking.security.jwt.secret=" + TokenSettings.DEVELOPMENT_SECRET;

  private static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final DevTokens TOKENS = new DevTokens(TokenSettings.development());

  private TestTokens() {}

  /** Mints a token with the driver role for {@code userId}. */
  public static String driver(String userId) {
    return mint(userId, Roles.DRIVER);
  }

  /** Mints a valid token for {@code subject} with the given roles. */
  public static String mint(String subject, String... roles) {
    return TOKENS.mint(subject, List.of(roles), LIFETIME);
  }

  /** Signs a driver token that expired ten minutes ago, well past the decoder's clock skew. */
  public static String expiredDriver(String userId) {
    Instant now = Instant.now();
    return TOKENS.sign(
        userId, List.of(Roles.DRIVER), now.minus(Duration.ofMinutes(20)), now.minusSeconds(600));
  }

  /** Mints a driver token with the right issuer and audience, signed with another key. */
  public static String driverSignedWithOtherKey(String userId) {
    TokenSettings other =
        new TokenSettings(
            TokenSettings.DEFAULT_ISSUER,
            TokenSettings.DEFAULT_AUDIENCE,
            "another-signing-key-that-the-service-does-not-know");
    return new DevTokens(other).mint(userId, List.of(Roles.DRIVER), LIFETIME);
  }

  /** Mints a driver token signed with the right key, but for another audience. */
  public static String driverForOtherAudience(String userId) {
    TokenSettings other =
        new TokenSettings(
            TokenSettings.DEFAULT_ISSUER, "another-api", TokenSettings.DEVELOPMENT_SECRET);
    return new DevTokens(other).mint(userId, List.of(Roles.DRIVER), LIFETIME);
  }

  /**
   * Signs a driver token whose {@code sub} claim is {@code subject}, even a blank one, which {@link
   * DevTokens} rejects.
   */
  public static String driverWithRawSubject(String subject) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(TokenSettings.DEFAULT_ISSUER)
            .audience(TokenSettings.DEFAULT_AUDIENCE)
            .subject(subject)
            .claim(Roles.CLAIM, List.of(Roles.DRIVER))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(TokenSettings.development().signingKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign the test token", e);
    }
    return jwt.serialize();
  }

  /** Returns the {@code Authorization} header value for {@code token}. */
  public static String bearer(String token) {
    return "Bearer " + token;
  }
}
