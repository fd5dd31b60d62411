package io.parking.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives every routed request an {@value #HEADER} header, keeping the caller's value or generating a
 * UUID, and returns the same value on the response so callers and service logs can be matched. A
 * caller's value that is longer than 128 characters or contains characters other than letters,
 * digits and {@code . _ : -} is replaced, so it cannot forge log lines.
 */
@Component
class CorrelationIdFilter implements GlobalFilter, Ordered {

  static final String HEADER = "X-Correlation-Id";

  private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    String correlationId = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (correlationId == null || !VALID_ID.matcher(correlationId).matches()) {
      correlationId = UUID.randomUUID().toString();
    }
    String value = correlationId;

    ServerWebExchange routed =
        exchange.mutate().request(request -> request.headers(h -> h.set(HEADER, value))).build();
    // Set just before the response is sent, so the header has exactly one value even when the
    // service echoes it, and error responses written by the gateway carry it too.
    routed
        .getResponse()
        .beforeCommit(
            () -> {
              routed.getResponse().getHeaders().set(HEADER, value);
              return Mono.empty();
            });

    Route route = routed.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    log.debug(
        "Routing {} {} to route {} with correlation id {}",
        routed.getRequest().getMethod(),
        routed.getRequest().getPath(),
        route == null ? "none" : route.getId(),
        value);
    return chain.filter(routed);
  }

  /** Runs first, so every later filter sees the correlation id. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
