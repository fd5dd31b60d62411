package io.parking.booking.lot;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Spot reads, and the one way spot statuses change. */
public interface SpotRepository extends JpaRepository<Spot, Long> {

  /** Reads a spot's status and version straight from the database, bypassing cached entities. */
  @Query(
      """
      select new io.parking.booking.lot.SpotState(
          s.id, f.id, l.id, s.status, s.version, l.timeZone)
      from Spot s join s.floor f join f.lot l
      where s.id = :spotId
      """)
  Optional<SpotState> findState(@Param("spotId") long spotId);

  /** Reads the states of several spots, in no particular order. */
  @Query(
      """
      select new io.parking.booking.lot.SpotState(
          s.id, f.id, l.id, s.status, s.version, l.timeZone)
      from Spot s join s.floor f join f.lot l
      where s.id in :spotIds
      """)
  List<SpotState> findStates(@Param("spotIds") Collection<Long> spotIds);

  /**
   * Returns whether the spot has a reserved or active booking whose window has not ended at {@code
   * now}.
   */
  @Query(
      """
      select count(b) > 0 from Booking b
      where b.spotId = :spotId
        and b.status in (io.parking.booking.booking.BookingStatus.RESERVED,
                         io.parking.booking.booking.BookingStatus.ACTIVE)
        and b.endTime > :now
      """)
  boolean hasLiveBooking(@Param("spotId") long spotId, @Param("now") Instant now);

  /** Returns the IANA time zone id of a lot, empty if the lot does not exist. */
  @Query("select l.timeZone from Lot l where l.id = :lotId")
  Optional<String> findLotTimeZone(@Param("lotId") long lotId);

  /** Returns whether the floor belongs to the lot. */
  @Query("select count(f) > 0 from Floor f where f.id = :floorId and f.lot.id = :lotId")
  boolean floorBelongsToLot(@Param("floorId") long floorId, @Param("lotId") long lotId);

  /**
   * Sets a spot's status and bumps its version, but only if the version still is {@code
   * expectedVersion}. Returns the number of rows updated: 0 means another transaction changed the
   * spot since it was read, and the caller lost the race.
   */
  @Modifying
  @Query(
      value =
          "UPDATE spots SET status = :status, version = version + 1"
              + " WHERE spot_id = :spotId AND version = :expectedVersion",
      nativeQuery = true)
  int moveStatus(
      @Param("spotId") long spotId,
      @Param("expectedVersion") long expectedVersion,
      @Param("status") String status);

  @Query(
      """
      select new io.parking.booking.lot.SpotView(
          s.id, f.id, f.lot.id, s.spotNumber, s.type, s.status)
      from Spot s join s.floor f
      where s.id = :spotId
      """)
  Optional<SpotView> findView(@Param("spotId") long spotId);

  @Query(
      """
      select new io.parking.booking.lot.SpotView(
          s.id, f.id, f.lot.id, s.spotNumber, s.type, s.status)
      from Spot s join s.floor f
      where f.id = :floorId
      order by s.id
      """)
  List<SpotView> findViewsByFloor(@Param("floorId") long floorId);

  @Query(
      """
      select new io.parking.booking.lot.SpotView(
          s.id, f.id, f.lot.id, s.spotNumber, s.type, s.status)
      from Spot s join s.floor f
      where f.lot.id = :lotId
      order by f.floorNumber, s.id
      """)
  List<SpotView> findViewsByLot(@Param("lotId") long lotId);
}
