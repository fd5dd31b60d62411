package io.parking.support.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./parking token USER ROLE [ROLE...]}: prints a development token for a local platform. The
 * issuer, audience and key come from {@code PARKING_SECURITY_JWT_ISSUER}, {@code
 * PARKING_SECURITY_JWT_AUDIENCE} and {@code PARKING_SECURITY_JWT_SECRET}, or the development
 * defaults; {@code PARKING_TOKEN_MINUTES} sets the lifetime (60 by default).
 */
public final class DevTokenCommand {

  private DevTokenCommand() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: ./parking token USER ROLE [ROLE...]   roles: " + String.join(", ", Roles.ALL));
      System.exit(2);
    }
    List<String> roles = new ArrayList<>(List.of(args).subList(1, args.length));
    try {
      TokenSettings settings =
          new TokenSettings(
              env("PARKING_SECURITY_JWT_ISSUER", TokenSettings.DEFAULT_ISSUER),
              env("PARKING_SECURITY_JWT_AUDIENCE", TokenSettings.DEFAULT_AUDIENCE),
              env("PARKING_SECURITY_JWT_SECRET", TokenSettings.DEVELOPMENT_SECRET));
      long minutes = Long.parseLong(env("PARKING_TOKEN_MINUTES", "60"));
      System.out.println(new DevTokens(settings).mint(args[0], roles, Duration.ofMinutes(minutes)));
    } catch (IllegalArgumentException e) {
      System.err.println("cannot mint a token: " + e.getMessage());
      System.exit(2);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
