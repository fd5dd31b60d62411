package io.parking.booking.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

class OperationsEndpointsTest extends IntegrationTest {

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
}
