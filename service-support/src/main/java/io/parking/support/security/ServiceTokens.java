package io.parking.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Bearer tokens with the {@link Roles#SERVICE} role, for one service calling another's internal
 * endpoints. A token is reused until a minute before it expires.
 */
public final class ServiceTokens {

  private static final Duration LIFETIME = Duration.ofMinutes(15);
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

  private final DevTokens tokens;
  private final String serviceName;
  private final Clock clock;
  private String current;
  private Instant renewAt = Instant.MIN;

  public ServiceTokens(DevTokens tokens, String serviceName, Clock clock) {
    this.tokens = tokens;
    this.serviceName = serviceName;
    this.clock = clock;
  }

  /** Returns the value of an {@code Authorization} header for a call to another service. */
  public synchronized String authorizationHeader() {
    Instant now = clock.instant();
    if (current == null || !now.isBefore(renewAt)) {
      current = tokens.mint(serviceName, List.of(Roles.SERVICE), LIFETIME);
      renewAt = now.plus(LIFETIME).minus(RENEW_BEFORE_EXPIRY);
    }
    return "Bearer " + current;
  }
}
