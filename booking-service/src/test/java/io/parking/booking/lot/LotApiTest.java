package io.parking.booking.lot;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.ApiClient;
import io.parking.booking.support.ApiClient.Response;
import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TestLots;
import io.parking.booking.support.TestLots.TestLot;
import io.parking.booking.support.TestTokens;
import io.parking.support.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LotApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  /**
   * The lot catalogue is open to drivers, operators and services. These tests read it as a driver.
   */
  private static final String DRIVER = "driver-1";

  @Autowired private RestTestClient restClient;
  @Autowired private JsonMapper mapper;
  @Autowired private JdbcClient jdbc;

  private ApiClient api;
  private TestLot lot;

  @BeforeEach
  void setUp() {
    api = new ApiClient(restClient, mapper);
    lot = TestLots.create(jdbc, 2, 3);
  }

  @Test
  void lotsListIncludesLotWithFloors() {
    Response response = api.get("/api/lots", DRIVER);

    assertThat(response.status()).isEqualTo(200);
    JsonNode listed = null;
    for (JsonNode candidate : response.body()) {
      if (candidate.get("id").asLong() == lot.lotId()) {
        listed = candidate;
      }
    }
    assertThat(listed).as("lot %d in the list", lot.lotId()).isNotNull();
    assertThat(listed.get("code").asString()).isEqualTo(lot.code());
    assertThat(listed.get("timeZone").asString()).isEqualTo("Europe/Berlin");
    assertThat(listed.get("totalSpots").asInt()).isEqualTo(5);
    assertThat(listed.get("floors")).hasSize(2);
  }

  @Test
  void lotReadReturnsFieldsAndFloorsInOrder() {
    Response response = api.get("/api/lots/" + lot.lotId(), DRIVER);

    assertThat(response.status()).isEqualTo(200);
    JsonNode body = response.body();
    assertThat(body.get("id").asLong()).isEqualTo(lot.lotId());
    assertThat(body.get("name").asString()).isEqualTo("Test Lot");
    assertThat(body.get("address").asString()).isEqualTo("Test Street 1");
    assertThat(body.get("lat").decimalValue()).isEqualByComparingTo("52.5");
    assertThat(body.get("lng").decimalValue()).isEqualByComparingTo("13.4");
    JsonNode firstFloor = body.get("floors").get(0);
    assertThat(firstFloor.get("floorId").asLong()).isEqualTo(lot.floor(0).floorId());
    assertThat(firstFloor.get("floorNumber").asInt()).isEqualTo(1);
    assertThat(firstFloor.get("spotCount").asInt()).isEqualTo(2);
    assertThat(body.get("floors").get(1).get("floorNumber").asInt()).isEqualTo(2);
  }

  @Test
  void unknownLotIsNotFound() {
    Response response = api.get("/api/lots/" + Long.MAX_VALUE, DRIVER);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "lot-not-found");
    assertThat(response.body().get("detail").asString()).contains(Long.toString(Long.MAX_VALUE));
  }

  @Test
  void floorSpotsListStatusAndNumbers() {
    long floorId = lot.floor(1).floorId();
    TestLots.setStatus(jdbc, lot.floor(1).spotIds().get(1), "occupied");

    Response response =
        api.get("/api/lots/" + lot.lotId() + "/floors/" + floorId + "/spots", DRIVER);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).hasSize(3);
    JsonNode second = response.body().get(1);
    assertThat(second.get("spotId").asLong()).isEqualTo(lot.floor(1).spotIds().get(1));
    assertThat(second.get("floorId").asLong()).isEqualTo(floorId);
    assertThat(second.get("lotId").asLong()).isEqualTo(lot.lotId());
    assertThat(second.get("spotNumber").asString()).isEqualTo("2-002");
    assertThat(second.get("type").asString()).isEqualTo("regular");
    assertThat(second.get("status").asString()).isEqualTo("occupied");
  }

  @Test
  void floorOfAnotherLotIsNotFound() {
    TestLot other = TestLots.create(jdbc, 1);

    Response response =
        api.get(
            "/api/lots/" + lot.lotId() + "/floors/" + other.floor(0).floorId() + "/spots", DRIVER);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "floor-not-found");
  }

  @Test
  void spotReadReturnsSpot() {
    long spotId = lot.spot(0);

    Response response = api.get("/api/spots/" + spotId, DRIVER);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body().get("spotNumber").asString()).isEqualTo("1-001");
    assertThat(response.body().get("status").asString()).isEqualTo("available");
  }

  @Test
  void unknownSpotIsNotFound() {
    Response response = api.get("/api/spots/" + Long.MAX_VALUE, DRIVER);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body().get("type").asString()).isEqualTo(PROBLEMS + "spot-not-found");
  }

  @Test
  void layoutMapsSpotStatuses() {
    List<Long> spots = new ArrayList<>(lot.floor(1).spotIds());
    spots.addAll(lot.floor(0).spotIds());
    // Floor 2 spots: available, reserved, occupied. Floor 1 spots: out of service, available.
    TestLots.setStatus(jdbc, spots.get(1), "reserved");
    TestLots.setStatus(jdbc, spots.get(2), "occupied");
    TestLots.setStatus(jdbc, spots.get(3), "out_of_service");

    Response response =
        api.getWithToken("/internal/lots/" + lot.lotId() + "/layout", serviceToken());

    assertThat(response.status()).isEqualTo(200);
    JsonNode layout = response.body();
    assertThat(layout.get("lotId").asLong()).isEqualTo(lot.lotId());
    assertThat(layout.get("floors")).hasSize(2);
    JsonNode firstFloor = layout.get("floors").get(0);
    JsonNode secondFloor = layout.get("floors").get(1);
    assertThat(firstFloor.get("floorId").asLong()).isEqualTo(lot.floor(0).floorId());
    assertThat(firstFloor.get("floorNumber").asInt()).isEqualTo(1);
    assertThat(states(secondFloor)).containsExactly("none/free", "reserved/free", "none/occupied");
    assertThat(states(firstFloor)).containsExactly("none/free", "none/free");
    assertThat(firstFloor.get("spots").get(0).get("inService").asBoolean()).isFalse();
    assertThat(firstFloor.get("spots").get(1).get("inService").asBoolean()).isTrue();
    assertThat(secondFloor.get("spots").get(0).get("type").asString())
        .isIn("regular", "handicapped", "ev");
    assertThat(secondFloor.get("spots").get(1).get("spotId").asLong()).isEqualTo(spots.get(1));
  }

  @Test
  void layoutOfUnknownLotIsNotFound() {
    Response response =
        api.getWithToken("/internal/lots/" + Long.MAX_VALUE + "/layout", serviceToken());

    assertThat(response.status()).isEqualTo(404);
  }

  private static String serviceToken() {
    return TestTokens.mint("availability-service", Roles.SERVICE);
  }

  private static List<String> states(JsonNode floor) {
    List<String> states = new ArrayList<>();
    floor
        .get("spots")
        .forEach(
            spot ->
                states.add(spot.get("booking").asString() + "/" + spot.get("sensor").asString()));
    return states;
  }
}
