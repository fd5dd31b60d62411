package io.parking.gateway.security;

import io.parking.support.security.Roles;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Replaces the identity headers of every request with values from the verified token: {@value
 * #USER_ID} is the token's subject and {@value #USER_ROLES} its known roles, comma-separated. A
 * caller's own values are removed, also on anonymous requests, so no service can be misled by them.
 * The {@code Authorization} header is forwarded unchanged, because the services validate the token
 * themselves.
 */
@Component
class IdentityHeadersFilter implements WebFilter, Ordered {

  static final String USER_ID = "X-User-Id";

  static final String USER_ROLES = "X-User-Roles";

  /** After Spring Security's filter chain (order -100), which authenticates the request. */
  static final int ORDER = 0;

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return exchange
        .getPrincipal()
        .filter(JwtAuthenticationToken.class::isInstance)
        .map(principal -> ((JwtAuthenticationToken) principal).getToken())
        .map(jwt -> withIdentity(exchange, jwt))
        .switchIfEmpty(Mono.fromSupplier(() -> withIdentity(exchange, null)))
        .flatMap(chain::filter);
  }

  private static ServerWebExchange withIdentity(ServerWebExchange exchange, Jwt jwt) {
    return exchange
        .mutate()
        .request(
            request ->
                request.headers(
                    headers -> {
                      headers.remove(USER_ID);
                      headers.remove(USER_ROLES);
                      if (jwt != null) {
                        setIdentity(headers, jwt);
                      }
                    }))
        .build();
  }

  private static void setIdentity(HttpHeaders headers, Jwt jwt) {
    List<String> claimed = jwt.getClaimAsStringList(Roles.CLAIM);
    List<String> roles =
        claimed == null ? List.of() : claimed.stream().filter(Roles.ALL::contains).toList();
    headers.set(USER_ID, jwt.getSubject());
    headers.set(USER_ROLES, String.join(",", roles));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
