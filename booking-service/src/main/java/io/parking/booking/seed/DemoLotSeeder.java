package io.parking.booking.seed;

import io.parking.booking.lot.SpotType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo lot "City Mall": floors 1, 2 and 3 with 200, 200 and 100 spots, numbered {@code
 * <floor>-<NNN>}. On each floor the first {@value #HANDICAPPED_PER_FLOOR} spots are handicapped
 * spots and the last {@value #EV_PER_FLOOR} have EV chargers.
 */
@Component
class DemoLotSeeder {

  static final String LOT_CODE = "city-mall";

  static final int HANDICAPPED_PER_FLOOR = 6;

  static final int EV_PER_FLOOR = 8;

  static final List<FloorPlan> FLOORS =
      List.of(new FloorPlan(1, 200), new FloorPlan(2, 200), new FloorPlan(3, 100));

  private static final Logger log = LoggerFactory.getLogger(DemoLotSeeder.class);

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  DemoLotSeeder(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  /**
   * Creates the demo lot with its floors and spots in one transaction unless a lot with code
   * {@value #LOT_CODE} exists. Returns whether it created the lot. Two instances starting at once
   * are safe: the second one's insert waits for the first one's transaction and then inserts
   * nothing, because of the unique lot code.
   */
  @Transactional
  boolean seedIfAbsent() {
    Optional<Long> lotId = insertLot();
    if (lotId.isEmpty()) {
      log.info("Demo lot {} exists already, so nothing was seeded", LOT_CODE);
      return false;
    }

    for (FloorPlan plan : FLOORS) {
      long floorId = insertFloor(lotId.get(), plan);
      insertSpots(floorId, plan);
    }
    log.info(
        "Demo lot {} created with id {}: {} floors, {} spots",
        LOT_CODE,
        lotId.get(),
        FLOORS.size(),
        totalSpots());
    return true;
  }

  /** Returns the type of the spot at 1-based position {@code position} on a floor. */
  static SpotType typeAt(int position, int spotCount) {
    if (position <= HANDICAPPED_PER_FLOOR) {
      return SpotType.HANDICAPPED;
    }
    if (position > spotCount - EV_PER_FLOOR) {
      return SpotType.EV;
    }
    return SpotType.REGULAR;
  }

  private Optional<Long> insertLot() {
    return jdbc.sql(
            """
            INSERT INTO lots (code, name, address, lat, lng, time_zone, total_spots)
            VALUES (:code, :name, :address, :lat, :lng, :timeZone, :totalSpots)
            ON CONFLICT (code) DO NOTHING
            RETURNING lot_id
            """)
        .param("code", LOT_CODE)
        .param("name", "City Mall")
        .param("address", "Market Square 1, 10178 Berlin, Germany")
        .param("lat", new BigDecimal("52.520008"))
        .param("lng", new BigDecimal("13.404954"))
        .param("timeZone", "Europe/Berlin")
        .param("totalSpots", totalSpots())
        .query(Long.class)
        .optional();
  }

  private long insertFloor(long lotId, FloorPlan plan) {
    return jdbc.sql(
            """
            INSERT INTO floors (lot_id, floor_number, spot_count)
            VALUES (:lotId, :floorNumber, :spotCount)
            RETURNING floor_id
            """)
        .param("lotId", lotId)
        .param("floorNumber", plan.floorNumber())
        .param("spotCount", plan.spotCount())
        .query(Long.class)
        .single();
  }

  private void insertSpots(long floorId, FloorPlan plan) {
    List<Object[]> rows = new ArrayList<>(plan.spotCount());
    for (int position = 1; position <= plan.spotCount(); position++) {
      String spotNumber = String.format("%d-%03d", plan.floorNumber(), position);
      rows.add(new Object[] {floorId, spotNumber, typeAt(position, plan.spotCount()).stored()});
    }
    jdbcTemplate.batchUpdate(
        "INSERT INTO spots (floor_id, spot_number, type) VALUES (?, ?, ?)", rows);
  }

  private static int totalSpots() {
    return FLOORS.stream().mapToInt(FloorPlan::spotCount).sum();
  }

  /** A floor of the demo lot. */
  record FloorPlan(int floorNumber, int spotCount) {}
}
