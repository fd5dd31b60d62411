package io.parking.gateway.ratelimit;

import io.parking.gateway.problem.ProblemResponses;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies the rate limits to every routed request, after Spring Security has authenticated it:
 * writes and authenticated reads count per user (the token's subject), requests without a token per
 * client address. A rejected request gets a 429 problem detail with {@code Retry-After}.
 *
 * <p>When Redis cannot be reached the limits fail open: requests pass unchecked and a warning is
 * logged at most once per {@link #REDIS_WARNING_INTERVAL}, because an outage of the rate limiter
 * should not become an outage of the platform.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

  /** Before the route filters (circuit breaker, retry), so a retry takes no second token. */
  static final int ORDER = -10;

  static final Duration REDIS_WARNING_INTERVAL = Duration.ofMinutes(1);

  /** Maximum length of a client address in a Redis key; longer forwarded values are cut. */
  private static final int MAX_ADDRESS_LENGTH = 64;

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  private record Caller(String key, String description, boolean authenticated) {}

  private final RedisRequestRateLimits limits;
  private final ProblemResponses responses;
  private final RemoteAddressResolver addresses;
  private final AtomicReference<Instant> lastRedisWarning = new AtomicReference<>(Instant.MIN);

  RateLimitFilter(
      RedisRequestRateLimits limits, ProblemResponses responses, RateLimitProperties properties) {
    this.limits = limits;
    this.responses = responses;
    this.addresses =
        properties.trustedProxyHops() == 0
            ? new RemoteAddressResolver() {}
            : XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxyHops());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(token -> new Caller("user:" + token.getName(), "user " + token.getName(), true))
        .switchIfEmpty(Mono.fromSupplier(() -> anonymousCaller(exchange)))
        .flatMap(caller -> check(exchange, chain, caller));
  }

  private Mono<Void> check(ServerWebExchange exchange, GatewayFilterChain chain, Caller caller) {
    RateLimit limit = RateLimit.of(exchange.getRequest().getMethod(), caller.authenticated());
    return limits
        .check(limit, caller.key())
        .flatMap(
            decision -> {
              if (decision.redisFailed()) {
                warnRedisFailed();
              }
              if (decision.allowed()) {
                return chain.filter(exchange);
              }
              return reject(exchange, limit, caller, decision.retryAfterSeconds());
            });
  }

  private Mono<Void> reject(
      ServerWebExchange exchange, RateLimit limit, Caller caller, long retryAfterSeconds) {
    log.info(
        "Rejected {} {} with 429: {} exceeded the {} limit; retry after {} s",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        caller.description(),
        limit.id(),
        retryAfterSeconds);
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-requests",
            "Too many requests",
            "Too many "
                + limit.description()
                + " from "
                + caller.description()
                + ": the "
                + limit.id()
                + " limit allows "
                + allowance(limits.settings(limit))
                + ". Retry after "
                + retryAfterSeconds
                + (retryAfterSeconds == 1 ? " second." : " seconds."));
    problem.setProperty("limit", limit.id());
    problem.setProperty("retryAfterSeconds", retryAfterSeconds);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    return responses.write(exchange, problem, headers);
  }

  /** Describes a limit as requests, such as "bursts of 10 requests, then 2 per second". */
  static String allowance(RateLimitProperties.Limit settings) {
    long burstRequests = settings.burstCapacity() / settings.requestedTokens();
    double perSecond = (double) settings.replenishRate() / settings.requestedTokens();
    String rate =
        perSecond == Math.rint(perSecond)
            ? Long.toString((long) perSecond)
            : String.format(Locale.ROOT, "%.2f", perSecond);
    return "bursts of " + burstRequests + " requests, then " + rate + " per second";
  }

  private Caller anonymousCaller(ServerWebExchange exchange) {
    InetSocketAddress address = addresses.resolve(exchange);
    String host = address == null ? "unknown" : address.getHostString();
    if (host.length() > MAX_ADDRESS_LENGTH) {
      host = host.substring(0, MAX_ADDRESS_LENGTH);
    }
    return new Caller("address:" + host, "address " + host, false);
  }

  private void warnRedisFailed() {
    Instant now = Instant.now();
    Instant last = lastRedisWarning.get();
    if (now.isAfter(last.plus(REDIS_WARNING_INTERVAL))
        && lastRedisWarning.compareAndSet(last, now)) {
      log.warn(
          "Rate limits are not enforced: the rate limiter's Redis call failed, so requests pass"
              + " unchecked until it is back. This warning repeats at most every {}.",
          REDIS_WARNING_INTERVAL);
    }
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
