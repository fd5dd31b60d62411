package io.parking.booking.lot;

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
      select new io.parking.booking.lot.SpotState(s.id, f.id, f.lot.id, s.status, s.version)
      from Spot s join s.floor f
      where s.id = :spotId
      """)
  Optional<SpotState> findState(@Param("spotId") long spotId);

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
