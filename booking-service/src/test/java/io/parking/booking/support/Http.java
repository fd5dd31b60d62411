package io.parking.booking.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends real HTTP requests to the service on its random port with the JDK client, so concurrent
 * requests meet Tomcat's thread pool and the connection pool as in production. A {@code userId}
 * argument sends a driver token for that user ({@link TestTokens#driver}); {@code null} sends no
 * token. {@link #send} sends exactly the headers it is given.
 */
public final class Http {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String baseUrl;
  private final JsonMapper mapper;

  public Http(int port, JsonMapper mapper) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.mapper = mapper;
  }

  /**
   * A response: status code, headers, JSON body (a missing node if the body is empty) and the body
   * as received, which keeps duplicate member names that parsing merges.
   */
  public record Response(int status, HttpHeaders headers, JsonNode body, String text) {

    /** Returns the first value of the header {@code name}, or an empty string. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public String type() {
      return body.path("type").asString("");
    }

    public String bookingId() {
      return body.path("bookingId").asString("");
    }
  }

  public Response get(String path, String userId) {
    return sendAsDriver("GET", path, userId, Map.of(), null);
  }

  public Response post(String path, String userId, String json) {
    return sendAsDriver("POST", path, userId, Map.of(), json);
  }

  public Response post(String path, String userId, Map<String, String> headers, String json) {
    return sendAsDriver("POST", path, userId, headers, json);
  }

  public Response patch(String path, String userId, String json) {
    return sendAsDriver("PATCH", path, userId, Map.of(), json);
  }

  public Response delete(String path, String userId) {
    return sendAsDriver("DELETE", path, userId, Map.of(), null);
  }

  private Response sendAsDriver(
      String method, String path, String userId, Map<String, String> headers, String json) {
    Map<String, String> withToken = new LinkedHashMap<>(headers);
    if (userId != null) {
      withToken.put("Authorization", TestTokens.bearer(TestTokens.driver(userId)));
    }
    return send(method, path, withToken, json);
  }

  /**
   * Sends a request with exactly {@code headers}, a token only if they contain an {@code
   * Authorization} header, and {@code json} as the body (none if {@code null}).
   */
  public Response send(String method, String path, Map<String, String> headers, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    headers.forEach(request::header);
    if (json != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      JsonNode parsed =
          body == null || body.isEmpty() ? mapper.missingNode() : mapper.readTree(body);
      return new Response(response.statusCode(), response.headers(), parsed, body);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " was interrupted", e);
    }
  }
}
