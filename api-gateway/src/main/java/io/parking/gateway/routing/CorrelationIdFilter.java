package io.parking.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@value #HEADER} header, keeping the caller's value or generating a UUID,
 * and returns the same value on the response so callers and service logs can be matched. A caller's
 * value that is longer than 128 characters or contains characters other than letters, digits and
 * {@code . _ : -} is replaced, so it cannot forge log lines.
 *
 * <p>This is a web filter that runs before Spring Security, so the 401, 403, 413 and 429 responses
 * that the gateway sends without routing carry the id too, as do the kiosk page and API docs.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

  static final String HEADER = "X-Correlation-Id";

  private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private static final Logger log = LoggerFactory.getLogger(CorrelationIdFilter.class);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String correlationId = exchange.getRequest().getHeaders().getFirst(HEADER);
    if (correlationId == null || !VALID_ID.matcher(correlationId).matches()) {
      correlationId = UUID.randomUUID().toString();
    }
    String value = correlationId;

    ServerWebExchange identified =
        exchange.mutate().request(request -> request.headers(h -> h.set(HEADER, value))).build();
    // Set just before the response is sent, so the header has exactly one value even when the
    // service echoes it, and error responses written by the gateway carry it too.
    identified
        .getResponse()
        .beforeCommit(
            () -> {
              identified.getResponse().getHeaders().set(HEADER, value);
              return Mono.empty();
            });

    log.debug(
        "Handling {} {} with correlation id {}",
        identified.getRequest().getMethod(),
        identified.getRequest().getPath(),
        value);
    return chain.filter(identified);
  }

  /** Runs before every other web filter, Spring Security's included. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
