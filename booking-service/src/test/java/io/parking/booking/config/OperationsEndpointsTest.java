package io.parking.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OperationsEndpointsTest extends IntegrationTest {

  private static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetail";

  @Autowired private RestTestClient restClient;
  @Autowired private JsonMapper mapper;

  @Test
  void healthIsUpWithDatabaseDetails() {
    Response response = new ApiClient(restClient, mapper).get("/actuator/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("status").asString()).isEqualTo("UP");
    assertThat(response.body().at("/components/db/status").asString()).isEqualTo("UP");
  }

  @Test
  void openApiDocListsBookingPaths() {
    Response response = new ApiClient(restClient, mapper).get("/v3/api-docs");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("paths").propertyNames())
        .contains(
            "/api/bookings",
            "/api/bookings/{bookingId}",
            "/api/lots",
            "/api/lots/{lotId}",
            "/api/lots/{lotId}/floors/{floorId}/spots",
            "/api/spots/{spotId}");
    assertThat(response.body().get("paths").propertyNames())
        .as("the gateway does not route /internal, so the public docs leave it out")
        .doesNotContain("/internal/lots/{lotId}/layout");
  }

  @Test
  void openApiDocAsksForBearerTokenOnly() {
    Response response = new ApiClient(restClient, mapper).get("/v3/api-docs");

    List<String> parameters = new ArrayList<>();
    response
        .body()
        .at("/paths/~1api~1bookings/post/parameters")
        .forEach(parameter -> parameters.add(parameter.get("name").asString()));
    assertThat(parameters).contains("Idempotency-Key").doesNotContain("X-User-Id", "jwt");
    assertThat(response.body().at("/components/securitySchemes/bearer/scheme").asString())
        .isEqualTo("bearer");
  }

  @Test
  void openApiDocNamesBookingService() {
    JsonNode info = apiDocs().path("info");

    assertThat(info.path("title").asString()).isEqualTo("Booking service API");
    assertThat(info.path("version").asString()).isNotBlank().isNotEqualTo("v0");
    assertThat(info.path("description").asString()).contains("bookings");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/bookings", "/api/bookings/any"})
  void openApiDocReserveMatchesCode(String path) {
    JsonNode responses = apiDocs().path("paths").path(path).path("post").path("responses");

    assertThat(responses.propertyNames())
        .contains("200", "201", "400", "404", "409", "422")
        .doesNotContain("default");
    for (String success : List.of("201", "200")) {
      JsonNode response = responses.path(success);
      assertThat(response.at("/content/application~1json/schema/$ref").asString())
          .as("%s body of POST %s", success, path)
          .isEqualTo("#/components/schemas/BookingResponse");
      assertThat(response.path("content").propertyNames()).doesNotContain("*/*");
      assertThat(response.at("/headers/Location").isObject())
          .as("%s Location header of POST %s", success, path)
          .isTrue();
    }
    for (String error : List.of("400", "404", "409", "422")) {
      assertThat(
              responses.path(error).at("/content/application~1problem+json/schema/$ref").asString())
          .as("%s body of POST %s", error, path)
          .isEqualTo(PROBLEM_SCHEMA);
    }
  }

  @Test
  void openApiDocNamesReserveProblemTypes() {
    JsonNode responses = apiDocs().at("/paths/~1api~1bookings/post/responses");

    assertThat(responses.at("/404/description").asString()).contains("spot-not-found");
    assertThat(responses.at("/409/description").asString()).contains("spot-unavailable");
    assertThat(responses.at("/422/description").asString())
        .contains("invalid-booking-window", "idempotency-key-reused");
    assertThat(
            apiDocs().at("/paths/~1api~1bookings~1any/post/responses/409/description").asString())
        .contains("no-spot-available");
  }

  @Test
  void openApiDocLifecycleConflicts() {
    JsonNode paths = apiDocs().path("paths");

    assertThat(
            paths
                .at("/~1api~1bookings~1{bookingId}~1check-in/post/responses/409/description")
                .asString())
        .contains("illegal-booking-transition", "check-in-not-open");
    assertThat(
            paths
                .at("/~1api~1bookings~1{bookingId}~1complete/post/responses/409/description")
                .asString())
        .contains("illegal-booking-transition");
    assertThat(
            paths.at("/~1api~1bookings~1{bookingId}/delete/responses/409/description").asString())
        .contains("booking-not-cancellable");
    assertThat(paths.at("/~1api~1bookings~1{bookingId}/get/responses/404/description").asString())
        .contains("booking-not-found");
  }

  @Test
  void openApiDocProtectedOperationNeedsToken() {
    JsonNode docs = apiDocs();
    JsonNode reserve = docs.at("/paths/~1api~1bookings/post");

    assertThat(reserve.at("/security/0/bearer").isArray()).as("bearer requirement").isTrue();
    assertThat(reserve.path("responses").propertyNames()).contains("401", "403", "429", "503");
    assertThat(
            reserve.at("/responses/401/content/application~1problem+json/schema/$ref").asString())
        .isEqualTo(PROBLEM_SCHEMA);
    assertThat(docs.at("/components/schemas/ProblemDetail/properties/type/example").asString())
        .isEqualTo("https://parking.example/problems/invalid-request");
  }

  private JsonNode apiDocs() {
    Response response = new ApiClient(restClient, mapper).get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }
}
