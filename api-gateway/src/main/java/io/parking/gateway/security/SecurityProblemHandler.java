package io.parking.gateway.security;

import io.parking.gateway.problem.ProblemResponses;
import io.parking.support.security.TokenValidation;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes RFC 9457 problem details for the requests that Spring Security rejects: 401 with a {@code
 * WWW-Authenticate: Bearer} challenge (RFC 6750) for a missing or invalid token, and 403 for a
 * token whose roles do not allow the request. The types match those the services send.
 */
@Component
class SecurityProblemHandler implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  private static final Logger log = LoggerFactory.getLogger(SecurityProblemHandler.class);

  private final ProblemResponses responses;

  SecurityProblemHandler(ProblemResponses responses) {
    this.responses = responses;
  }

  /**
   * Writes the 401 problem. The type of {@code error} shows whether a token was missing or
   * rejected.
   */
  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException error) {
    HttpHeaders headers = new HttpHeaders();
    String detail;
    if (error instanceof OAuth2AuthenticationException rejected) {
      String reason = reasonOf(rejected);
      log.info(
          "Rejected {} {} with 401: invalid bearer token: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          reason);
      headers.set(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer error=\"invalid_token\", error_description=\"" + quotable(reason) + "\"");
      detail =
          "The bearer token in the Authorization header was rejected: "
              + reason
              + ". Send a current token issued for this platform, or no Authorization header on"
              + " the open endpoints; ./parking token mints one locally.";
    } else {
      log.info(
          "Rejected {} {} with 401: no bearer token",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath());
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
      detail =
          "This endpoint needs a bearer token in the Authorization header. Send"
              + " 'Authorization: Bearer <token>'; ./parking token mints one locally.";
    }
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", detail);
    return responses.write(exchange, problem, headers);
  }

  /** Writes the 403 problem naming the roles the token carries. */
  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    return exchange
        .getPrincipal()
        .map(SecurityProblemHandler::rolesOf)
        .defaultIfEmpty("none")
        .flatMap(roles -> forbidden(exchange, roles));
  }

  private Mono<Void> forbidden(ServerWebExchange exchange, String roles) {
    String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath();
    log.info("Rejected {} with 403: roles [{}] do not allow it", request, roles);
    ProblemDetail problem =
        ProblemResponses.problem(
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Role not allowed",
            "The token's roles ["
                + roles
                + "] do not allow "
                + request
                + ". docs/security.md lists what each role may do.");
    return responses.write(exchange, problem, HttpHeaders.EMPTY);
  }

  /**
   * Returns why the token was rejected: the message of the innermost cause, such as Nimbus's
   * "Signed JWT rejected: Invalid signature", because Spring Security 7 wraps a failed signature
   * check in the bare "Failed to validate the token".
   */
  private static String reasonOf(OAuth2AuthenticationException rejected) {
    String reason = rejected.getError().getDescription();
    for (Throwable cause = rejected; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        reason = cause.getMessage();
      }
    }
    return reason == null ? "no reason given" : reason;
  }

  private static String rolesOf(Object principal) {
    if (!(principal instanceof Authentication authentication)) {
      return "none";
    }
    // Spring Security 7 adds authorities such as FACTOR_BEARER, which are not roles.
    return authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority.startsWith(TokenValidation.AUTHORITY_PREFIX))
        .map(authority -> authority.substring(TokenValidation.AUTHORITY_PREFIX.length()))
        .collect(Collectors.joining(", "));
  }

  /** Makes {@code text} safe inside an RFC 7230 quoted-string by dropping quotes and controls. */
  private static String quotable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(' ');
      }
    }
    return out.toString();
  }
}
