package io.parking.booking.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.parking.booking.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

class DemoSeedTest extends IntegrationTest {

  @Autowired private DemoSeedRunner runner;
  @Autowired private DemoLotSeeder seeder;
  @Autowired private JdbcClient jdbc;

  @Test
  void startupSeedCreatesCityMall() {
    assertThat(countLots()).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT name || '|' || time_zone || '|' || total_spots FROM lots"
                        + " WHERE code = 'city-mall'")
                .query(String.class)
                .single())
        .isEqualTo("City Mall|Europe/Berlin|500");
    assertThat(
            jdbc.sql(
                    "SELECT f.floor_number || ':' || f.spot_count FROM floors f"
                        + " JOIN lots l ON l.lot_id = f.lot_id WHERE l.code = 'city-mall'"
                        + " ORDER BY f.floor_number")
                .query(String.class)
                .list())
        .containsExactly("1:200", "2:200", "3:100");
    assertThat(countSpots(null)).isEqualTo(500);
    assertThat(countSpots("handicapped")).isEqualTo(18);
    assertThat(countSpots("ev")).isEqualTo(24);
    assertThat(typesOnFloor3()).startsWith("3-001:handicapped", "3-002:handicapped");
    assertThat(typesOnFloor3())
        .contains("3-006:handicapped", "3-007:regular", "3-092:regular", "3-093:ev", "3-100:ev");
  }

  @Test
  void secondRunChangesNothing() throws Exception {
    long spotsBefore = countSpots(null);

    runner.run(new DefaultApplicationArguments());

    assertThat(countLots()).isEqualTo(1);
    assertThat(countSpots(null)).isEqualTo(spotsBefore);
    assertThat(seeder.seedIfAbsent()).isFalse();
  }

  @Test
  void concurrentSeedsCreateOneLot() throws Exception {
    deleteCityMall();
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<Boolean> seed =
        () -> {
          start.await();
          return seeder.seedIfAbsent();
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Boolean> created = new ArrayList<>();

    try {
      for (Future<Boolean> result : pool.invokeAll(List.of(seed, seed))) {
        created.add(result.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(created).containsExactlyInAnyOrder(true, false);
    assertThat(countLots()).isEqualTo(1);
    assertThat(countSpots(null)).isEqualTo(500);
  }

  private long countLots() {
    return jdbc.sql("SELECT count(*) FROM lots WHERE code = 'city-mall'")
        .query(Long.class)
        .single();
  }

  private long countSpots(String type) {
    return jdbc.sql(
            "SELECT count(*) FROM spots s JOIN floors f ON f.floor_id = s.floor_id"
                + " JOIN lots l ON l.lot_id = f.lot_id"
                + " WHERE l.code = 'city-mall' AND (CAST(:type AS text) IS NULL OR s.type = :type)")
        .param("type", type)
        .query(Long.class)
        .single();
  }

  private List<String> typesOnFloor3() {
    return jdbc.sql(
            "SELECT s.spot_number || ':' || s.type FROM spots s"
                + " JOIN floors f ON f.floor_id = s.floor_id JOIN lots l ON l.lot_id = f.lot_id"
                + " WHERE l.code = 'city-mall' AND f.floor_number = 3 ORDER BY s.spot_number")
        .query(String.class)
        .list();
  }

  private void deleteCityMall() {
    String cityMallFloors =
        "SELECT f.floor_id FROM floors f JOIN lots l ON l.lot_id = f.lot_id"
            + " WHERE l.code = 'city-mall'";
    jdbc.sql("DELETE FROM spots WHERE floor_id IN (" + cityMallFloors + ")").update();
    jdbc.sql("DELETE FROM floors WHERE floor_id IN (" + cityMallFloors + ")").update();
    jdbc.sql("DELETE FROM lots WHERE code = 'city-mall'").update();
  }
}
