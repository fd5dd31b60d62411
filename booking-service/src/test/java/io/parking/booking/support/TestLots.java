package io.parking.booking.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates small lots for tests, each with a unique code, straight in the database. */
public final class TestLots {

  private TestLots() {}

  /** A created lot: its id, and per floor the floor id and spot ids in spot-number order. */
  public record TestLot(long lotId, String code, List<TestFloor> floors) {

    public TestFloor floor(int index) {
      return floors.get(index);
    }

    public long spot(int index) {
      return floors.get(0).spotIds().get(index);
    }
  }

  /** A created floor. */
  public record TestFloor(long floorId, int floorNumber, List<Long> spotIds) {}

  /** Creates a lot with one floor per element of {@code spotsPerFloor}, all spots available. */
  public static TestLot create(JdbcClient jdbc, int... spotsPerFloor) {
    return createInZone(jdbc, "Europe/Berlin", spotsPerFloor);
  }

  /** Creates a lot in the IANA time zone {@code timeZone}, otherwise as {@link #create}. */
  public static TestLot createInZone(JdbcClient jdbc, String timeZone, int... spotsPerFloor) {
    String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
    int total = 0;
    for (int count : spotsPerFloor) {
      total += count;
    }
    long lotId =
        jdbc.sql(
                """
                INSERT INTO lots (code, name, address, lat, lng, time_zone, total_spots)
                VALUES (:code, 'Test Lot', 'Test Street 1', :lat, :lng, :timeZone, :total)
                RETURNING lot_id
                """)
            .param("code", code)
            .param("timeZone", timeZone)
            .param("lat", new BigDecimal("52.500000"))
            .param("lng", new BigDecimal("13.400000"))
            .param("total", total)
            .query(Long.class)
            .single();

    List<TestFloor> floors = new ArrayList<>();
    for (int i = 0; i < spotsPerFloor.length; i++) {
      int floorNumber = i + 1;
      long floorId =
          jdbc.sql(
                  "INSERT INTO floors (lot_id, floor_number, spot_count)"
                      + " VALUES (:lotId, :floorNumber, :count) RETURNING floor_id")
              .param("lotId", lotId)
              .param("floorNumber", floorNumber)
              .param("count", spotsPerFloor[i])
              .query(Long.class)
              .single();
      List<Long> spotIds = new ArrayList<>();
      for (int position = 1; position <= spotsPerFloor[i]; position++) {
        spotIds.add(
            jdbc.sql(
                    "INSERT INTO spots (floor_id, spot_number, type)"
                        + " VALUES (:floorId, :number, 'regular') RETURNING spot_id")
                .param("floorId", floorId)
                .param("number", String.format("%d-%03d", floorNumber, position))
                .query(Long.class)
                .single());
      }
      floors.add(new TestFloor(floorId, floorNumber, List.copyOf(spotIds)));
    }
    return new TestLot(lotId, code, List.copyOf(floors));
  }

  /** Sets a spot's status directly, without touching its version. */
  public static void setStatus(JdbcClient jdbc, long spotId, String status) {
    jdbc.sql("UPDATE spots SET status = :status WHERE spot_id = :spotId")
        .param("status", status)
        .param("spotId", spotId)
        .update();
  }

  public static String status(JdbcClient jdbc, long spotId) {
    return jdbc.sql("SELECT status FROM spots WHERE spot_id = :spotId")
        .param("spotId", spotId)
        .query(String.class)
        .single();
  }

  public static long version(JdbcClient jdbc, long spotId) {
    return jdbc.sql("SELECT version FROM spots WHERE spot_id = :spotId")
        .param("spotId", spotId)
        .query(Long.class)
        .single();
  }

  /** Returns the number of reserved or active bookings of a spot. */
  public static long liveBookingCount(JdbcClient jdbc, long spotId) {
    return jdbc.sql(
            "SELECT count(*) FROM bookings WHERE spot_id = :spotId"
                + " AND status IN ('reserved', 'active')")
        .param("spotId", spotId)
        .query(Long.class)
        .single();
  }

  public static long bookingCount(JdbcClient jdbc, long spotId) {
    return jdbc.sql("SELECT count(*) FROM bookings WHERE spot_id = :spotId")
        .param("spotId", spotId)
        .query(Long.class)
        .single();
  }
}
