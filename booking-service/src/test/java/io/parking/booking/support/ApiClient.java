package io.parking.booking.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends requests to the running service and returns status, headers and the parsed JSON body. A
 * {@code userId} argument sends a driver token for that user ({@link TestTokens#driver}); {@code
 * null} sends no token.
 */
public final class ApiClient {

  private final RestTestClient client;
  private final JsonMapper mapper;

  public ApiClient(RestTestClient client, JsonMapper mapper) {
    this.client = client;
    this.mapper = mapper;
  }

  /** A response: its status code, headers and JSON body (a missing node if the body is empty). */
  public record Response(int status, HttpHeaders headers, JsonNode body) {}

  /** Sends a GET without a token. */
  public Response get(String path) {
    return get(path, null);
  }

  public Response get(String path, String userId) {
    return exchange(HttpMethod.GET, path, driverAuthorization(userId), null);
  }

  public Response post(String path, String userId, String json) {
    return exchange(HttpMethod.POST, path, driverAuthorization(userId), json);
  }

  public Response delete(String path, String userId) {
    return exchange(HttpMethod.DELETE, path, driverAuthorization(userId), null);
  }

  /** Sends a GET with {@code token}, whatever its roles. */
  public Response getWithToken(String path, String token) {
    return exchange(HttpMethod.GET, path, TestTokens.bearer(token), null);
  }

  /**
   * Sends a request with {@code authorization} as the {@code Authorization} header (none if {@code
   * null}) and {@code json} as the body (none if {@code null}).
   */
  public Response exchange(HttpMethod method, String path, String authorization, String json) {
    RestTestClient.RequestBodySpec request =
        client
            .method(method)
            .uri(path)
            .headers(
                headers -> {
                  if (authorization != null) {
                    headers.set(HttpHeaders.AUTHORIZATION, authorization);
                  }
                });
    RestTestClient.RequestHeadersSpec<?> complete =
        json == null ? request : request.contentType(MediaType.APPLICATION_JSON).body(json);
    return toResponse(complete.exchange().returnResult(String.class));
  }

  private static String driverAuthorization(String userId) {
    return userId == null ? null : TestTokens.bearer(TestTokens.driver(userId));
  }

  private Response toResponse(EntityExchangeResult<String> result) {
    String body = result.getResponseBody();
    JsonNode json = body == null || body.isEmpty() ? mapper.missingNode() : mapper.readTree(body);
    return new Response(result.getStatus().value(), result.getResponseHeaders(), json);
  }
}
