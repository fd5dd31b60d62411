package io.parking.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A driver's HTTP client of the platform, talking only to the gateway. */
final class Gateway {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  Gateway(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Response get(String path) throws IOException, InterruptedException {
    return send(request(path, null).GET().build());
  }

  Response get(String path, String userId) throws IOException, InterruptedException {
    return send(request(path, userId).GET().build());
  }

  Response post(String path, String userId, String json) throws IOException, InterruptedException {
    return send(
        request(path, userId)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  Response delete(String path, String userId) throws IOException, InterruptedException {
    return send(request(path, userId).DELETE().build());
  }

  private HttpRequest.Builder request(String path, String userId) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
    if (userId != null) {
      builder.header("X-User-Id", userId);
    }
    return builder;
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body());
  }

  /** Status, content type and body of one HTTP response. */
  record Response(int status, String contentType, String body) {

    JsonNode json() {
      return MAPPER.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
