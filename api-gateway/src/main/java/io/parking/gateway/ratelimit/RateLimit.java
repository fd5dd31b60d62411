package io.parking.gateway.ratelimit;

import java.util.Set;
import org.springframework.http.HttpMethod;

/** The gateway's three rate limits; which one a request counts against. */
enum RateLimit {
  WRITES("writes", "write requests (POST, PUT, PATCH, DELETE)"),
  ANONYMOUS_READS("anonymous-reads", "requests without a token"),
  AUTHENTICATED_READS("authenticated-reads", "read requests");

  private static final Set<HttpMethod> WRITE_METHODS =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

  private final String id;
  private final String description;

  RateLimit(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** Picks the limit of a request: writes first, then reads by whether a token was sent. */
  static RateLimit of(HttpMethod method, boolean authenticated) {
    if (WRITE_METHODS.contains(method)) {
      return WRITES;
    }
    return authenticated ? AUTHENTICATED_READS : ANONYMOUS_READS;
  }

  /**
   * Returns the property name under {@code parking.gateway.rate-limit}, also part of Redis keys.
   */
  String id() {
    return id;
  }

  /** Returns the kind of requests this limit counts, for problem details and log lines. */
  String description() {
    return description;
  }
}
