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
    String usage =
        "usage: ./parking token USER ROLE [ROLE...]   roles: "
            + String.join(", ", Roles.ALL)
            + " (service is for calls between the platform's services)";
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      System.out.println(usage);
      return;
    }
    if (args.length < 2) {
      System.err.println(usage);
      System.exit(2);
    }
    List<String> roles = new ArrayList<>(List.of(args).subList(1, args.length));
    try {
      TokenSettings settings = TokenSettings.fromEnvironment();
      String lifetime = System.getenv("PARKING_TOKEN_MINUTES");
      long minutes = lifetime == null || lifetime.isBlank() ? 60 : Long.parseLong(lifetime);
      if (minutes <= 0) {
        System.err.println(
            "PARKING_TOKEN_MINUTES is " + minutes + ": use a positive number of minutes");
        System.exit(2);
      }
      System.out.println(new DevTokens(settings).mint(args[0], roles, Duration.ofMinutes(minutes)));
    } catch (NumberFormatException e) {
      System.err.println(
          "PARKING_TOKEN_MINUTES is not a whole number of minutes: " + e.getMessage());
      System.exit(2);
    } catch (IllegalArgumentException e) {
      System.err.println("cannot mint a token: " + e.getMessage());
      System.exit(2);
    }
  }
}
