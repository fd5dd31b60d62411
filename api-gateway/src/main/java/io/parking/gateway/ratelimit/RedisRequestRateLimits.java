package io.parking.gateway.ratelimit;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import reactor.core.publisher.Mono;

/**
 * Checks requests against the token buckets of {@link RateLimit} with Spring Cloud Gateway's {@link
 * RedisRateLimiter}, whose Lua script refills and takes tokens atomically in Redis. The limiter's
 * route id is the limit's id, so a bucket's keys are {@code
 * <prefix>request_rate_limiter.{<limit>.<caller>}.tokens} and {@code ...timestamp}; they expire
 * after twice the time a bucket takes to fill up.
 */
final class RedisRequestRateLimits {

  /**
   * The outcome of one check.
   *
   * @param allowed whether the request may pass
   * @param retryAfterSeconds for a rejected request, when the bucket has enough tokens again
   * @param redisFailed whether Redis could not be asked, so the request passed unchecked
   */
  record Decision(boolean allowed, long retryAfterSeconds, boolean redisFailed) {}

  /** The remaining-tokens value RedisRateLimiter reports when its Redis call failed. */
  private static final long REDIS_FAILED = -1;

  private final RedisRateLimiter limiter;
  private final Map<RateLimit, RateLimitProperties.Limit> limits = new EnumMap<>(RateLimit.class);

  RedisRequestRateLimits(RedisRateLimiter limiter, RateLimitProperties properties) {
    this.limiter = limiter;
    limits.put(RateLimit.WRITES, properties.writes());
    limits.put(RateLimit.ANONYMOUS_READS, properties.anonymousReads());
    limits.put(RateLimit.AUTHENTICATED_READS, properties.authenticatedReads());
    limits.forEach(
        (limit, settings) ->
            limiter
                .getConfig()
                .put(
                    limit.id(),
                    new RedisRateLimiter.Config()
                        .setReplenishRate(settings.replenishRate())
                        .setBurstCapacity(settings.burstCapacity())
                        .setRequestedTokens(settings.requestedTokens())));
  }

  RateLimitProperties.Limit settings(RateLimit limit) {
    return limits.get(limit);
  }

  /** Takes tokens for one request of {@code caller} from the bucket of {@code limit}. */
  Mono<Decision> check(RateLimit limit, String caller) {
    return limiter.isAllowed(limit.id(), caller).map(response -> decide(limit, response));
  }

  private Decision decide(RateLimit limit, RateLimiter.Response response) {
    long remaining = remainingTokens(response);
    if (response.isAllowed()) {
      return new Decision(true, 0, remaining == REDIS_FAILED);
    }
    return new Decision(false, retryAfterSeconds(settings(limit), remaining), false);
  }

  /**
   * Returns the whole seconds until the bucket contains a request's tokens again. The script
   * refills once per second of Redis time, so at least 1.
   */
  static long retryAfterSeconds(RateLimitProperties.Limit settings, long remaining) {
    long missing = settings.requestedTokens() - Math.max(0, remaining);
    long seconds = (missing + settings.replenishRate() - 1) / settings.replenishRate();
    return Math.max(1, seconds);
  }

  private static long remainingTokens(RateLimiter.Response response) {
    String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
    if (remaining == null) {
      return 0;
    }
    try {
      return Long.parseLong(remaining);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
