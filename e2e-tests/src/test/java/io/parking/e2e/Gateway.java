package io.parking.e2e;

import io.parking.support.security.DevTokens;
import io.parking.support.security.Roles;
import io.parking.support.security.TokenSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client of the platform, talking only to the gateway. Calls with a user id send a driver
 * token for that user, minted with the platform's signing key.
 */
final class Gateway {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final DevTokens tokens;

  Gateway(String baseUrl, TokenSettings tokenSettings) {
    this.baseUrl = baseUrl;
    this.tokens = new DevTokens(tokenSettings);
  }

  /** Mints a token for {@code user} with the given roles, valid for 30 minutes. */
  String token(String user, String... roles) {
    return tokens.mint(user, List.of(roles), TOKEN_LIFETIME);
  }

  /** An anonymous GET, as the kiosk page and a signed-out app send. */
  Response get(String path) throws IOException, InterruptedException {
    return send(base(path).GET().build());
  }

  Response getAsOperator(String path) throws IOException, InterruptedException {
    return send(withToken(path, token("operator-e2e", Roles.OPERATOR)).GET().build());
  }

  /** Sends {@code method} with an explicit token (none when null) and extra headers. */
  Response send(String method, String path, String token, String json, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = token == null ? base(path) : withToken(path, token);
    if (headers.length > 0) {
      builder.headers(headers);
    }
    if (json == null) {
      return send(builder.method(method, HttpRequest.BodyPublishers.noBody()).build());
    }
    return send(
        builder
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
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
    return withToken(path, token(userId, Roles.DRIVER));
  }

  private HttpRequest.Builder withToken(String path, String token) {
    return base(path).header("Authorization", "Bearer " + token);
  }

  private HttpRequest.Builder base(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
  }

  private Response send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body(),
        response.headers());
  }

  /** Status, content type, body and headers of one HTTP response. */
  record Response(int status, String contentType, String body, HttpHeaders headers) {

    JsonNode json() {
      return MAPPER.readTree(body);
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + body;
    }
  }
}
