package io.parking.booking.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends requests to the running service and returns status, headers and the parsed JSON body. */
public final class ApiClient {

  private final RestTestClient client;
  private final JsonMapper mapper;

  public ApiClient(RestTestClient client, JsonMapper mapper) {
    this.client = client;
    this.mapper = mapper;
  }

  /** A response: its status code, headers and JSON body (a missing node if the body is empty). */
  public record Response(int status, HttpHeaders headers, JsonNode body) {}

  public Response get(String path) {
    return get(path, null);
  }

  public Response get(String path, String userId) {
    return toResponse(
        client
            .get()
            .uri(path)
            .headers(headers -> setUserId(headers, userId))
            .exchange()
            .returnResult(String.class));
  }

  public Response post(String path, String userId, String json) {
    return toResponse(
        client
            .post()
            .uri(path)
            .headers(headers -> setUserId(headers, userId))
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .exchange()
            .returnResult(String.class));
  }

  public Response delete(String path, String userId) {
    return toResponse(
        client
            .delete()
            .uri(path)
            .headers(headers -> setUserId(headers, userId))
            .exchange()
            .returnResult(String.class));
  }

  private static void setUserId(HttpHeaders headers, String userId) {
    if (userId != null) {
      headers.set("X-User-Id", userId);
    }
  }

  private Response toResponse(EntityExchangeResult<String> result) {
    String body = result.getResponseBody();
    JsonNode json = body == null || body.isEmpty() ? mapper.missingNode() : mapper.readTree(body);
    return new Response(result.getStatus().value(), result.getResponseHeaders(), json);
  }
}
