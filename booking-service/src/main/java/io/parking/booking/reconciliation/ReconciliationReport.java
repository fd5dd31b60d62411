package io.parking.booking.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The reconciliation records of one lot, newest first, at most {@value
 * ReconciliationRecords#MAX_ROWS} of each kind.
 */
public record ReconciliationReport(
    long lotId,
    List<UnreservedOccupancy> unreservedOccupancies,
    List<WrongSpotSuspicion> wrongSpotSuspicions,
    List<Overstay> overstays) {

  public ReconciliationReport {
    unreservedOccupancies = List.copyOf(unreservedOccupancies);
    wrongSpotSuspicions = List.copyOf(wrongSpotSuspicions);
    overstays = List.copyOf(overstays);
  }

  /** A car on a spot with no booking due; {@code endedAt} is null while it is there. */
  public record UnreservedOccupancy(
      long id, long floorId, long spotId, String sensorId, Instant startedAt, Instant endedAt) {}

  /** A reserved spot left empty while an unbooked spot on its floor was taken. */
  public record WrongSpotSuspicion(
      long id,
      long floorId,
      UUID bookingId,
      String userId,
      long bookedSpotId,
      long occupiedSpotId,
      String sensorId,
      Instant detectedAt) {}

  /** An active booking whose car stayed past the end plus the grace; {@code endedAt} at exit. */
  public record Overstay(
      UUID bookingId,
      long floorId,
      long spotId,
      String userId,
      Instant endTime,
      Instant flaggedAt,
      Instant endedAt) {}
}
