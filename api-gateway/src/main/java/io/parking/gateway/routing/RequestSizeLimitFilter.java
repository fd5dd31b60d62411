package io.parking.gateway.routing;

import io.parking.gateway.problem.ProblemResponses;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies larger than {@code parking.gateway.request.max-body-size} with a 413
 * problem detail before they reach a service. A body with a {@code Content-Length} is judged by
 * that header. A chunked body has no length up front, so it is read into memory up to the limit and
 * forwarded with a {@code Content-Length}; the limit bounds that memory per request.
 *
 * <p>Runs after Spring Security, so an unauthenticated caller gets 401 without the body being read,
 * and the 413 carries the security headers.
 */
@Component
@EnableConfigurationProperties(RequestLimitProperties.class)
class RequestSizeLimitFilter implements WebFilter, Ordered {

  /** After Spring Security's filter chain (order -100). */
  static final int ORDER = 10;

  private static final Logger log = LoggerFactory.getLogger(RequestSizeLimitFilter.class);

  private final int maxBodyBytes;
  private final ProblemResponses responses;

  RequestSizeLimitFilter(RequestLimitProperties properties, ProblemResponses responses) {
    this.maxBodyBytes = (int) properties.maxBodySize().toBytes();
    this.responses = responses;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    long declaredLength = request.getHeaders().getContentLength();
    if (declaredLength > maxBodyBytes) {
      return tooLarge(exchange, declaredLength + " bytes");
    }
    if (declaredLength >= 0
        || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
      return chain.filter(exchange);
    }
    return readChunkedBody(request)
        .flatMap(
            body ->
                body.isPresent()
                    ? chain.filter(exchange.mutate().request(withBody(request, body.get())).build())
                    : tooLarge(exchange, "more than " + maxBodyBytes + " bytes"));
  }

  /** Returns the body, or nothing when it is longer than the limit. */
  private Mono<Optional<byte[]>> readChunkedBody(ServerHttpRequest request) {
    return DataBufferUtils.join(request.getBody(), maxBodyBytes)
        .map(RequestSizeLimitFilter::copyAndRelease)
        .defaultIfEmpty(new byte[0])
        .map(Optional::of)
        .onErrorResume(DataBufferLimitException.class, e -> Mono.just(Optional.empty()));
  }

  /** Copies to the heap, so nothing leaks when a later filter rejects the request unread. */
  private static byte[] copyAndRelease(DataBuffer buffer) {
    try {
      byte[] bytes = new byte[buffer.readableByteCount()];
      buffer.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
    ServerHttpRequest withLength =
        request
            .mutate()
            .headers(
                headers -> {
                  headers.remove(HttpHeaders.TRANSFER_ENCODING);
                  headers.setContentLength(body.length);
                })
            .build();
    return new ServerHttpRequestDecorator(withLength) {
      @Override
      public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
      }
    };
  }

  private Mono<Void> tooLarge(ServerWebExchange exchange, String size) {
    log.info(
        "Rejected {} {} with 413: body of {} exceeds the limit of {} bytes",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        size,
        maxBodyBytes);
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.CONTENT_TOO_LARGE,
            "content-too-large",
            "Request body too large",
            "The request body has "
                + size
                + ", more than the gateway's limit of "
                + maxBodyBytes
                + " bytes. Send a smaller body.");
    problem.setProperty("maxBodyBytes", maxBodyBytes);
    return responses.write(exchange, problem, HttpHeaders.EMPTY);
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
