package io.parking.payment.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SettlementRepository extends JpaRepository<Settlement, UUID> {

  Optional<Settlement> findByBookingIdAndUserId(UUID bookingId, String userId);

  /** Returns the ids of pending settlements whose next attempt is due, oldest due first. */
  @Query(
      value =
          """
          SELECT booking_id FROM settlements
          WHERE status = 'pending' AND next_attempt_at <= :now
          ORDER BY next_attempt_at
          LIMIT :limit
          """,
      nativeQuery = true)
  List<UUID> findDueIds(@Param("now") Instant now, @Param("limit") int limit);

  /**
   * Loads and locks the settlement when it is pending and due. A row locked by another instance is
   * skipped, so two instances never retry the same capture at once.
   */
  @Query(
      value =
          """
          SELECT * FROM settlements
          WHERE booking_id = :bookingId AND status = 'pending' AND next_attempt_at <= :now
          FOR UPDATE SKIP LOCKED
          """,
      nativeQuery = true)
  Optional<Settlement> lockIfDue(@Param("bookingId") UUID bookingId, @Param("now") Instant now);
}
