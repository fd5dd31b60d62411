package io.parking.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.support.security.Roles;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class ApiDocsTest extends GatewayTestSupport {

  @Test
  void serviceDocsRewrittenToServicePath() {
    BOOKING.respond(200, "application/json", "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"b\"}}");

    client
        .get()
        .uri("/v3/api-docs/booking")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"b\"}}", true);

    assertThat(BOOKING.lastRequest().path()).isEqualTo("/v3/api-docs");
  }

  @ParameterizedTest
  @ValueSource(strings = {"availability", "notification", "iot"})
  void eachServiceDocsRouted(String service) {
    client
        .get()
        .uri("/v3/api-docs/" + service)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.service")
        .isEqualTo(service)
        .jsonPath("$.path")
        .isEqualTo("/v3/api-docs");
  }

  @Test
  void swaggerConfigListsAllServices() {
    client
        .get()
        .uri("/v3/api-docs/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.urls[*].url")
        .value(
            urls ->
                assertThat(urls)
                    .asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactlyInAnyOrder(
                        "/v3/api-docs/booking",
                        "/v3/api-docs/availability",
                        "/v3/api-docs/payment",
                        "/v3/api-docs/notification",
                        "/v3/api-docs/iot"));
  }

  @Test
  void swaggerUiKeepsBearerToken() {
    client
        .get()
        .uri("/v3/api-docs/swagger-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.persistAuthorization")
        .isEqualTo(true);
  }

  @Test
  void serviceDocsBearerSchemePassesThrough() {
    String document =
        "{\"openapi\":\"3.1.0\",\"components\":{\"securitySchemes\":{\"bearer\":"
            + "{\"type\":\"http\",\"scheme\":\"bearer\",\"bearerFormat\":\"JWT\"}}},"
            + "\"security\":[{\"bearer\":[]}]}";
    AVAILABILITY.respond(200, "application/json", document);

    client
        .get()
        .uri("/v3/api-docs/availability")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .json(document, true);
  }

  @Test
  void swaggerUiPageServed() {
    client
        .get()
        .uri("/swagger-ui.html")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .value("Location", location -> assertThat(location).contains("/swagger-ui/index.html"));
  }

  @Test
  void healthIsUpWithoutDetails() {
    client
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components")
        .doesNotExist();
  }

  @Test
  void healthShowsComponentsToOperators() {
    client
        .get()
        .uri("/actuator/health")
        .header(HttpHeaders.AUTHORIZATION, bearer("operator-1", Roles.OPERATOR))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.diskSpace.status")
        .isEqualTo("UP");
  }
}
