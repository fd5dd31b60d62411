package io.parking.payment.support;

import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code Authorization} header values for the tests, signed with the development settings that
 * {@link IntegrationTest} pins for the service.
 */
public final class BearerTokens {

  private static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final DevTokens TOKENS = new DevTokens(TokenSettings.development());

  private BearerTokens() {}

  /** Returns a valid token with the driver role for {@code userId}. */
  public static String driver(String userId) {
    return bearer(TOKENS.mint(userId, List.of(Roles.DRIVER), LIFETIME));
  }

  /**
   * Returns a valid token with the operator role for {@code userId}, which may place, capture and
   * refund any driver's payment but not read payments.
   */
  public static String operator(String userId) {
    return bearer(TOKENS.mint(userId, List.of(Roles.OPERATOR), LIFETIME));
  }

  /** Returns a valid token with the kiosk role, which may not call the payment API. */
  public static String kiosk(String kioskId) {
    return bearer(TOKENS.mint(kioskId, List.of(Roles.KIOSK), LIFETIME));
  }

  /** Returns a driver token that expired ten minutes ago, past the decoder's 30 s clock skew. */
  public static String expiredDriver(String userId) {
    Instant now = Instant.now();
    return bearer(
        TOKENS.sign(
            userId,
            List.of(Roles.DRIVER),
            now.minus(Duration.ofMinutes(20)),
            now.minus(Duration.ofMinutes(10))));
  }

  /** Returns a driver token with the right issuer and audience but signed with another key. */
  public static String driverSignedWithOtherKey(String userId) {
    TokenSettings other =
        new TokenSettings(
            TokenSettings.DEFAULT_ISSUER,
            TokenSettings.DEFAULT_AUDIENCE,
            "a-signing-key-that-payment-service-does-not-know");
    return bearer(new DevTokens(other).mint(userId, List.of(Roles.DRIVER), LIFETIME));
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }
}
