package io.parking.support.security;

import java.util.Arrays;
import org.springframework.core.env.Environment;

/** Refuses to start a production service that would accept tokens signed with the public key. */
public final class DevelopmentKeyGuard {

  private DevelopmentKeyGuard() {}

  /**
   * @throws IllegalStateException when the {@code prod} profile is active and the settings use
   *     {@link TokenSettings#DEVELOPMENT_SECRET}
   */
  public static void check(TokenSettings settings, Environment environment) {
    boolean production =
        Arrays.asList(environment.getActiveProfiles()).contains(TokenSettings.PRODUCTION_PROFILE);
    if (production && settings.usesDevelopmentSecret()) {
      throw new IllegalStateException(
          "The prod profile is active but parking.security.jwt.secret is the published"
              + " development key: set PARKING_SECURITY_JWT_SECRET to the identity provider's key");
    }
  }
}
