package io.parking.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code parking.gateway.rate-limit.*}: the token buckets of the gateway's rate limits, kept in
 * Redis so that every gateway instance counts against the same buckets.
 *
 * @param keyPrefix prefix of every Redis key, empty in production; tests use a unique one per run
 * @param trustedProxyHops how many proxies in front of the gateway append to {@code
 *     X-Forwarded-For}; 0 takes the client address from the TCP connection and ignores the header,
 *     which a client could forge
 * @param writes POST, PUT, PATCH and DELETE requests, counted per user (token subject)
 * @param anonymousReads requests without a token, counted per client address
 * @param authenticatedReads other requests with a token, counted per user
 */
@ConfigurationProperties("parking.gateway.rate-limit")
record RateLimitProperties(
    String keyPrefix,
    int trustedProxyHops,
    Limit writes,
    Limit anonymousReads,
    Limit authenticatedReads) {

  RateLimitProperties {
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    if (trustedProxyHops < 0) {
      throw new IllegalArgumentException(
          "parking.gateway.rate-limit.trusted-proxy-hops is "
              + trustedProxyHops
              + ": set 0 or the number of proxies in front of the gateway");
    }
    requirePresent(writes, "writes");
    requirePresent(anonymousReads, "anonymous-reads");
    requirePresent(authenticatedReads, "authenticated-reads");
  }

  private static void requirePresent(Limit limit, String name) {
    if (limit == null) {
      throw new IllegalArgumentException(
          "parking.gateway.rate-limit."
              + name
              + " is missing: set its replenish-rate and burst-capacity");
    }
  }

  /**
   * One token bucket: it contains at most {@code burstCapacity} tokens, gains {@code replenishRate}
   * tokens per second, and each request takes {@code requestedTokens}. So a caller may send {@code
   * burstCapacity} requests at once and then {@code replenishRate / requestedTokens} per second.
   */
  record Limit(int replenishRate, long burstCapacity, int requestedTokens) {

    Limit {
      if (replenishRate < 1 || burstCapacity < 1) {
        throw new IllegalArgumentException(
            "a rate limit needs replenish-rate and burst-capacity of at least 1, got replenish-rate "
                + replenishRate
                + " and burst-capacity "
                + burstCapacity);
      }
      requestedTokens = requestedTokens == 0 ? 1 : requestedTokens;
      if (requestedTokens < 0 || requestedTokens > burstCapacity) {
        throw new IllegalArgumentException(
            "a rate limit's requested-tokens must be between 1 and its burst-capacity "
                + burstCapacity
                + ", got "
                + requestedTokens);
      }
    }
  }
}
