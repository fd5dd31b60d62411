package io.parking.support.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requirements a bearer token must meet to be accepted: the issuer that signed it, the audience it
 * was issued for, and the HMAC-SHA256 key it was signed with. Every service and the gateway read
 * the same values from {@code parking.security.jwt.*} (environment {@code
 * PARKING_SECURITY_JWT_ISSUER}, {@code PARKING_SECURITY_JWT_AUDIENCE}, {@code
 * PARKING_SECURITY_JWT_SECRET}).
 *
 * @param issuer the {@code iss} claim a token must have
 * @param audience a value the token's {@code aud} claim must contain
 * @param secret the signing key, at least 32 bytes of UTF-8
 */
public record TokenSettings(String issuer, String audience, String secret) {

  /**
   * The development signing key, published in docs/security.md so that anyone can mint tokens for a
   * local platform. A service started with the {@code prod} profile refuses it.
   */
  public static final String DEVELOPMENT_SECRET =
      "parking-development-signing-key-do-not-use-in-prod";

  public static final String DEFAULT_ISSUER = "parking-dev-issuer";

  public static final String DEFAULT_AUDIENCE = "parking-api";

  /** The profile under which the development key is refused. */
  public static final String PRODUCTION_PROFILE = "prod";

  private static final int MIN_SECRET_BYTES = 32;

  public TokenSettings {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("parking.security.jwt.issuer is blank: set the issuer");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException(
          "parking.security.jwt.audience is blank: set the audience");
    }
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(
          "parking.security.jwt.secret must be at least "
              + MIN_SECRET_BYTES
              + " bytes long: HMAC-SHA256 needs a 256-bit key");
    }
  }

  /** Settings with the development issuer, audience and key, as a local platform uses them. */
  public static TokenSettings development() {
    return new TokenSettings(DEFAULT_ISSUER, DEFAULT_AUDIENCE, DEVELOPMENT_SECRET);
  }

  /**
   * Settings from the environment variables {@code PARKING_SECURITY_JWT_ISSUER}, {@code
   * PARKING_SECURITY_JWT_AUDIENCE} and {@code PARKING_SECURITY_JWT_SECRET}, with the development
   * value for each one that is unset or blank. For programs without Spring's property binding.
   */
  public static TokenSettings fromEnvironment() {
    return new TokenSettings(
        environment("PARKING_SECURITY_JWT_ISSUER", DEFAULT_ISSUER),
        environment("PARKING_SECURITY_JWT_AUDIENCE", DEFAULT_AUDIENCE),
        environment("PARKING_SECURITY_JWT_SECRET", DEVELOPMENT_SECRET));
  }

  private static String environment(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  public boolean usesDevelopmentSecret() {
    return DEVELOPMENT_SECRET.equals(secret);
  }

  public SecretKey signingKey() {
    return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Hides the key from log lines and exception messages. */
  @Override
  public String toString() {
    return "TokenSettings[issuer=" + issuer + ", audience=" + audience + ", secret=***]";
  }
}
