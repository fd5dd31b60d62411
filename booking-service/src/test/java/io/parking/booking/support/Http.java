package io.parking.booking.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends real HTTP requests to the service on its random port with the JDK client, so concurrent
 * requests meet Tomcat's thread pool and the connection pool as in production.
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

  /** A response: status code and JSON body (a missing node if the body is empty). */
  public record Response(int status, JsonNode body) {

    public String type() {
      return body.path("type").asString("");
    }

    public String bookingId() {
      return body.path("bookingId").asString("");
    }
  }

  public Response get(String path, String userId) {
    return send("GET", path, userId, Map.of(), null);
  }

  public Response post(String path, String userId, String json) {
    return send("POST", path, userId, Map.of(), json);
  }

  public Response post(String path, String userId, Map<String, String> headers, String json) {
    return send("POST", path, userId, headers, json);
  }

  public Response patch(String path, String userId, String json) {
    return send("PATCH", path, userId, Map.of(), json);
  }

  public Response delete(String path, String userId) {
    return send("DELETE", path, userId, Map.of(), null);
  }

  private Response send(
      String method, String path, String userId, Map<String, String> headers, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (userId != null) {
      request.header("X-User-Id", userId);
    }
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
      return new Response(response.statusCode(), parsed);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + path + " was interrupted", e);
    }
  }
}
