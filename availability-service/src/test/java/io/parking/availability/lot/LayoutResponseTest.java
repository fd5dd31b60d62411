package io.parking.availability.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parking.availability.store.BookingState;
import io.parking.availability.store.LotLayout;
import io.parking.availability.store.SensorState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LayoutResponseTest {

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void layoutConvertsStatesAndIgnoresExtraFields() {
    String json =
        """
        {"lotId": 5, "name": "North", "floors": [{"floorId": 51, "floorNumber": -1, "level": "B1",
          "spots": [{"spotId": 501, "booking": "reserved", "sensor": "free", "label": "A1"},
                    {"spotId": 502, "booking": "none", "sensor": "occupied"}]}]}
        """;

    LotLayout layout = mapper.readValue(json, LayoutResponse.class).toLotLayout(5);

    assertThat(layout.lotId()).isEqualTo(5);
    assertThat(layout.floors()).hasSize(1);
    assertThat(layout.floors().get(0).floorId()).isEqualTo(51);
    assertThat(layout.floors().get(0).floorNumber()).isEqualTo(-1);
    assertThat(layout.floors().get(0).spots())
        .containsExactly(
            new LotLayout.Spot(501, BookingState.RESERVED, SensorState.FREE),
            new LotLayout.Spot(502, BookingState.NONE, SensorState.OCCUPIED));
  }

  @Test
  void layoutRejectsUnknownState() {
    String json =
        """
        {"lotId": 5, "floors": [{"floorId": 51, "floorNumber": 0,
          "spots": [{"spotId": 501, "booking": "none", "sensor": "offline"}]}]}
        """;
    LayoutResponse response = mapper.readValue(json, LayoutResponse.class);

    assertThatThrownBy(() -> response.toLotLayout(5))
        .isInstanceOf(InvalidLayoutException.class)
        .hasMessageContaining("spot 501")
        .hasMessageContaining("'offline'");
  }

  @Test
  void layoutRejectsOtherLot() {
    LayoutResponse response =
        mapper.readValue("{\"lotId\": 6, \"floors\": []}", LayoutResponse.class);

    assertThatThrownBy(() -> response.toLotLayout(5))
        .isInstanceOf(InvalidLayoutException.class)
        .hasMessageContaining("lot 5")
        .hasMessageContaining("lotId 6");
  }

  @Test
  void layoutRejectsSpotWithoutId() {
    String json =
        """
        {"lotId": 5, "floors": [{"floorId": 51, "floorNumber": 0,
          "spots": [{"booking": "none", "sensor": "free"}]}]}
        """;
    LayoutResponse response = mapper.readValue(json, LayoutResponse.class);

    assertThatThrownBy(() -> response.toLotLayout(5))
        .isInstanceOf(InvalidLayoutException.class)
        .hasMessageContaining("without spotId");
  }

  @Test
  void lotIdsFallBackToId() {
    var lots = mapper.readTree("[{\"lotId\": 1, \"id\": 99}, {\"id\": 2, \"name\": \"West\"}]");

    assertThat(BookingServiceClient.lotIds(lots)).containsExactly(1L, 2L);
  }

  @Test
  void lotIdsRejectLotWithoutNumericId() {
    var lots = mapper.readTree("[{\"name\": \"West\"}]");

    assertThatThrownBy(() -> BookingServiceClient.lotIds(lots))
        .isInstanceOf(InvalidLayoutException.class);
  }

  @Test
  void lotIdsRejectObjectBody() {
    var lots = mapper.readTree("{\"content\": []}");

    assertThatThrownBy(() -> BookingServiceClient.lotIds(lots))
        .isInstanceOf(InvalidLayoutException.class)
        .hasMessageContaining("not a JSON array");
  }
}
