package io.parking.notification.support;

import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.time.Duration;
import java.util.List;

/**
 * {@code Authorization} header values for the tests, signed with the development settings that the
 * service uses when {@code parking.security.jwt.*} is not set.
 */
public final class BearerTokens {

  private static final DevTokens TOKENS = new DevTokens(TokenSettings.development());

  private BearerTokens() {}

  /** Returns the header value of a ten-minute token for {@code userId} with {@code roles}. */
  public static String bearer(String userId, String... roles) {
    return "Bearer " + TOKENS.mint(userId, List.of(roles), Duration.ofMinutes(10));
  }

  /** Returns the header value of a driver's ten-minute token. */
  public static String driver(String userId) {
    return bearer(userId, Roles.DRIVER);
  }

  /** Returns the header value of an operator's ten-minute token. */
  public static String operator(String userId) {
    return bearer(userId, Roles.OPERATOR);
  }
}
