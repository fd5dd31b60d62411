package io.parking.availability.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.parking.availability.IntegrationTest;
import io.parking.availability.TestLots;
import io.parking.availability.availability.LotAvailability.FloorAvailability;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AvailabilityApiTest extends IntegrationTest {

  private static final long LOT = TestLots.API_LOT.lotId();

  @Autowired private MockMvcTester mvc;
  @Autowired private JsonMapper mapper;

  @BeforeEach
  void awaitLotBuilt() {
    await().atMost(Duration.ofSeconds(15)).until(() -> store.isRegistered(LOT));
  }

  @Test
  void lotAvailabilityListsFloorsInNumberOrder() {
    MvcTestResult result = mvc.get().uri("/api/lots/{lotId}/availability", LOT).exchange();

    assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    assertThat(result)
        .bodyJson()
        .convertTo(LotAvailability.class)
        .satisfies(
            lot -> {
              assertThat(lot.lotId()).isEqualTo(LOT);
              assertThat(lot.free()).isEqualTo(5);
              assertThat(lot.total()).isEqualTo(6);
              assertThat(lot.stale()).isFalse();
              assertThat(lot.floors())
                  .extracting(
                      FloorAvailability::floorId,
                      FloorAvailability::floorNumber,
                      FloorAvailability::free,
                      FloorAvailability::total,
                      FloorAvailability::occupied)
                  .containsExactly(tuple(3012L, 1, 4L, 4L, 0L), tuple(3011L, 2, 1L, 2L, 1L));
            });
  }

  @Test
  void floorAvailabilityReturnsOneFloor() {
    MvcTestResult result =
        mvc.get().uri("/api/lots/{lotId}/floors/{floorId}/availability", LOT, 3011).exchange();

    assertThat(result).hasStatusOk();
    assertThat(result)
        .bodyJson()
        .convertTo(FloorAvailability.class)
        .satisfies(
            floor -> {
              assertThat(floor.floorId()).isEqualTo(3011);
              assertThat(floor.free()).isEqualTo(1);
              assertThat(floor.total()).isEqualTo(2);
              assertThat(floor.status()).isEqualTo("open");
            });
  }

  @Test
  void unknownLotIsNotFoundProblem() {
    MvcTestResult result = mvc.get().uri("/api/lots/{lotId}/availability", 999_999).exchange();

    assertThat(result)
        .hasStatus(HttpStatus.NOT_FOUND)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/lot-not-found");
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(404);
    assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Lot not found");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("Lot 999999 is unknown")
        .contains("still being built");
  }

  @Test
  void unknownFloorIsNotFoundProblem() {
    MvcTestResult result =
        mvc.get().uri("/api/lots/{lotId}/floors/{floorId}/availability", LOT, 4242).exchange();

    assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/floor-not-found");
    assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("no floor 4242");
  }

  @Test
  void floorOfUnknownLotIsLotNotFound() {
    MvcTestResult result =
        mvc.get().uri("/api/lots/{lotId}/floors/{floorId}/availability", 999_999, 1).exchange();

    assertThat(result).hasStatus(HttpStatus.NOT_FOUND);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/lot-not-found");
  }

  @Test
  void nonNumericLotIdIsBadRequest() {
    MvcTestResult result = mvc.get().uri("/api/lots/{lotId}/availability", "north").exchange();

    assertThat(result)
        .hasStatus(HttpStatus.BAD_REQUEST)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/invalid-parameter");
    assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("lotId");
    assertThat(result)
        .bodyJson()
        .extractingPath("$.errors[0].message")
        .isEqualTo("must be a whole number");
  }

  @Test
  void unmappedPathIsUnauthorizedProblem() {
    MvcTestResult result = mvc.get().uri("/api/nothing-here").exchange();

    assertThat(result)
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(result)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/unauthenticated");
  }

  @Test
  void healthReportsRedisUp() {
    MvcTestResult result = mvc.get().uri("/actuator/health").exchange();

    assertThat(result).hasStatusOk();
    assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("UP");
    assertThat(result).bodyJson().extractingPath("$.components.redis.status").isEqualTo("UP");
  }

  @Test
  void openApiDocumentListsAvailabilityPath() {
    MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();

    assertThat(result).hasStatusOk();
    assertThat(result)
        .bodyJson()
        .extractingPath("$.paths")
        .asMap()
        .containsKey("/api/lots/{lotId}/availability");
  }

  @Test
  void openApiDocumentNamesService() throws Exception {
    JsonNode info = apiDocs().path("info");

    assertThat(info.path("title").asString()).isEqualTo("Availability service API");
    assertThat(info.path("version").asString()).isNotBlank().isNotEqualTo("v0");
    assertThat(info.path("description").asString()).contains("anonymous");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/lots/{lotId}/availability",
        "/api/lots/{lotId}/availability/stream",
        "/api/lots/{lotId}/floors/{floorId}/availability"
      })
  void openApiReadNeedsNoToken(String path) throws Exception {
    JsonNode docs = apiDocs();
    JsonNode read = docs.path("paths").path(path).path("get");

    assertThat(read.isObject()).as("GET %s is documented", path).isTrue();
    assertThat(read.path("security").isArray()).as("explicit security list").isTrue();
    assertThat(read.path("security")).as("security of GET %s", path).isEmpty();
    assertThat(read.path("responses").propertyNames())
        .contains("200", "429", "503")
        .doesNotContain("401", "403");
    assertThat(docs.has("security")).as("no global security requirement").isFalse();
  }

  private JsonNode apiDocs() throws Exception {
    MvcTestResult result = mvc.get().uri("/v3/api-docs").exchange();
    assertThat(result).hasStatusOk();
    return mapper.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
