package io.parking.booking.reconciliation;

import io.parking.booking.reconciliation.ReconciliationReport.Overstay;
import io.parking.booking.reconciliation.ReconciliationReport.UnreservedOccupancy;
import io.parking.booking.reconciliation.ReconciliationReport.WrongSpotSuspicion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code unreserved_occupancies}, {@code wrong_spot_suspicions} and {@code overstays}.
 * Every write runs in the caller's transaction.
 */
@Repository
public class ReconciliationRecords {

  /** Rows of each kind the operator report returns. */
  static final int MAX_ROWS = 100;

  private final JdbcClient jdbc;

  ReconciliationRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Opens an unreserved occupancy of the spot unless one is open already. Returns whether this call
   * opened it.
   */
  public boolean openUnreservedOccupancy(
      long lotId, long floorId, long spotId, String sensorId, Instant startedAt) {
    return jdbc.sql(
                """
                INSERT INTO unreserved_occupancies (lot_id, floor_id, spot_id, sensor_id, started_at)
                VALUES (:lotId, :floorId, :spotId, :sensorId, :startedAt)
                ON CONFLICT (spot_id) WHERE ended_at IS NULL DO NOTHING
                """)
            .param("lotId", lotId)
            .param("floorId", floorId)
            .param("spotId", spotId)
            .param("sensorId", sensorId)
            .param("startedAt", utc(startedAt))
            .update()
        == 1;
  }

  /** Ends the spot's open unreserved occupancy, if any. Returns whether one was open. */
  public boolean closeUnreservedOccupancy(long spotId, Instant endedAt) {
    return jdbc.sql(
                """
                UPDATE unreserved_occupancies SET ended_at = GREATEST(started_at, :endedAt)
                WHERE spot_id = :spotId AND ended_at IS NULL
                """)
            .param("spotId", spotId)
            .param("endedAt", utc(endedAt))
            .update()
        == 1;
  }

  /** Records a wrong-spot suspicion once per booking and spot. Returns whether it is new. */
  public boolean recordWrongSpotSuspicion(
      long lotId,
      long floorId,
      UUID bookingId,
      String userId,
      long bookedSpotId,
      long occupiedSpotId,
      String sensorId,
      Instant detectedAt) {
    return jdbc.sql(
                """
                INSERT INTO wrong_spot_suspicions (lot_id, floor_id, booking_id, user_id,
                    booked_spot_id, occupied_spot_id, sensor_id, detected_at)
                VALUES (:lotId, :floorId, :bookingId, :userId, :bookedSpotId, :occupiedSpotId,
                    :sensorId, :detectedAt)
                ON CONFLICT (booking_id, occupied_spot_id) DO NOTHING
                """)
            .param("lotId", lotId)
            .param("floorId", floorId)
            .param("bookingId", bookingId)
            .param("userId", userId)
            .param("bookedSpotId", bookedSpotId)
            .param("occupiedSpotId", occupiedSpotId)
            .param("sensorId", sensorId)
            .param("detectedAt", utc(detectedAt))
            .update()
        == 1;
  }

  /** Flags an overstay once per booking. Returns whether this call flagged it. */
  boolean flagOverstay(OverstayCandidate candidate, Instant flaggedAt) {
    return jdbc.sql(
                """
                INSERT INTO overstays (booking_id, lot_id, floor_id, spot_id, user_id, end_time,
                    flagged_at)
                VALUES (:bookingId, :lotId, :floorId, :spotId, :userId, :endTime, :flaggedAt)
                ON CONFLICT (booking_id) DO NOTHING
                """)
            .param("bookingId", candidate.bookingId())
            .param("lotId", candidate.lotId())
            .param("floorId", candidate.floorId())
            .param("spotId", candidate.spotId())
            .param("userId", candidate.userId())
            .param("endTime", utc(candidate.endTime()))
            .param("flaggedAt", utc(flaggedAt))
            .update()
        == 1;
  }

  /** Sets the end of the booking's overstay, if it has an open one. */
  public boolean endOverstay(UUID bookingId, Instant endedAt) {
    return jdbc.sql(
                "UPDATE overstays SET ended_at = :endedAt"
                    + " WHERE booking_id = :bookingId AND ended_at IS NULL")
            .param("bookingId", bookingId)
            .param("endedAt", utc(endedAt))
            .update()
        == 1;
  }

  /** An active booking on an occupied spot, past its end plus the grace and not flagged yet. */
  record OverstayCandidate(
      UUID bookingId, long lotId, long floorId, long spotId, String userId, Instant endTime) {}

  /** Returns up to {@code limit} active bookings still occupied whose end was before the cutoff. */
  List<OverstayCandidate> overstayCandidates(Instant endedBefore, int limit) {
    return jdbc.sql(
            """
            SELECT b.booking_id, f.lot_id, f.floor_id, b.spot_id, b.user_id, b.end_time
            FROM bookings b
            JOIN spots s ON s.spot_id = b.spot_id
            JOIN floors f ON f.floor_id = s.floor_id
            WHERE b.status = 'active'
              AND b.end_time <= :cutoff
              AND s.status = 'occupied'
              AND NOT EXISTS (SELECT 1 FROM overstays o WHERE o.booking_id = b.booking_id)
            ORDER BY b.end_time
            LIMIT :limit
            """)
        .param("cutoff", utc(endedBefore))
        .param("limit", limit)
        .query(
            (rs, rowNum) ->
                new OverstayCandidate(
                    rs.getObject("booking_id", UUID.class),
                    rs.getLong("lot_id"),
                    rs.getLong("floor_id"),
                    rs.getLong("spot_id"),
                    rs.getString("user_id"),
                    instant(rs, "end_time")))
        .list();
  }

  /** Reads the records of one lot, newest first. */
  ReconciliationReport report(long lotId) {
    List<UnreservedOccupancy> occupancies =
        jdbc.sql(
                """
                SELECT id, floor_id, spot_id, sensor_id, started_at, ended_at
                FROM unreserved_occupancies WHERE lot_id = :lotId
                ORDER BY started_at DESC, id DESC LIMIT :limit
                """)
            .param("lotId", lotId)
            .param("limit", MAX_ROWS)
            .query(
                (rs, rowNum) ->
                    new UnreservedOccupancy(
                        rs.getLong("id"),
                        rs.getLong("floor_id"),
                        rs.getLong("spot_id"),
                        rs.getString("sensor_id"),
                        instant(rs, "started_at"),
                        instant(rs, "ended_at")))
            .list();
    List<WrongSpotSuspicion> suspicions =
        jdbc.sql(
                """
                SELECT id, floor_id, booking_id, user_id, booked_spot_id, occupied_spot_id,
                       sensor_id, detected_at
                FROM wrong_spot_suspicions WHERE lot_id = :lotId
                ORDER BY detected_at DESC, id DESC LIMIT :limit
                """)
            .param("lotId", lotId)
            .param("limit", MAX_ROWS)
            .query(
                (rs, rowNum) ->
                    new WrongSpotSuspicion(
                        rs.getLong("id"),
                        rs.getLong("floor_id"),
                        rs.getObject("booking_id", UUID.class),
                        rs.getString("user_id"),
                        rs.getLong("booked_spot_id"),
                        rs.getLong("occupied_spot_id"),
                        rs.getString("sensor_id"),
                        instant(rs, "detected_at")))
            .list();
    List<Overstay> overstays =
        jdbc.sql(
                """
                SELECT booking_id, floor_id, spot_id, user_id, end_time, flagged_at, ended_at
                FROM overstays WHERE lot_id = :lotId
                ORDER BY flagged_at DESC LIMIT :limit
                """)
            .param("lotId", lotId)
            .param("limit", MAX_ROWS)
            .query(
                (rs, rowNum) ->
                    new Overstay(
                        rs.getObject("booking_id", UUID.class),
                        rs.getLong("floor_id"),
                        rs.getLong("spot_id"),
                        rs.getString("user_id"),
                        instant(rs, "end_time"),
                        instant(rs, "flagged_at"),
                        instant(rs, "ended_at")))
            .list();
    return new ReconciliationReport(lotId, occupancies, suspicions, overstays);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
