package io.parking.gateway.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Builds and writes the gateway's RFC 9457 problem details. The error handler, the security chain,
 * the rate limiter and the request size check all write their problems through this class, so every
 * problem the gateway sends has a type under {@value #TYPE_BASE}, the same as the services'
 * problems.
 */
@Component
public final class ProblemResponses {

  public static final String TYPE_BASE = "https://parking.example/problems/";

  private final ServerResponse.Context responseContext;

  ProblemResponses(ServerCodecConfigurer codecs) {
    List<HttpMessageWriter<?>> writers = codecs.getWriters();
    this.responseContext =
        new ServerResponse.Context() {
          @Override
          public List<HttpMessageWriter<?>> messageWriters() {
            return writers;
          }

          @Override
          public List<ViewResolver> viewResolvers() {
            return List.of();
          }
        };
  }

  /** Creates a problem whose type is {@value #TYPE_BASE} followed by {@code kind}. */
  public static ProblemDetail problem(
      HttpStatusCode status, String kind, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + kind));
    problem.setTitle(title);
    return problem;
  }

  /**
   * Writes {@code problem} as the response with {@code application/problem+json}, adding {@code
   * headers} and setting the instance to the request path when the problem has none.
   */
  public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, HttpHeaders headers) {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
    }
    return ServerResponse.status(problem.getStatus())
        .headers(target -> target.addAll(headers))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .bodyValue(problem)
        .flatMap(response -> response.writeTo(exchange, responseContext));
  }
}
