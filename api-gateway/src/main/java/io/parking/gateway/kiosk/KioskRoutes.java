package io.parking.gateway.kiosk;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Redirects the short kiosk addresses to the page, keeping the query such as {@code ?lot=1}. */
@Configuration(proxyBeanMethods = false)
class KioskRoutes {

  static final String PAGE = "/kiosk/index.html";

  @Bean
  RouterFunction<ServerResponse> kioskRedirect() {
    return RouterFunctions.route(GET("/kiosk").or(GET("/kiosk/")), KioskRoutes::redirectToPage);
  }

  private static Mono<ServerResponse> redirectToPage(ServerRequest request) {
    String query = request.uri().getRawQuery();
    URI page = URI.create(query == null ? PAGE : PAGE + "?" + query);
    return ServerResponse.status(HttpStatus.FOUND).location(page).build();
  }
}
