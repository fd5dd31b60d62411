package io.parking.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeliveryRepository extends JpaRepository<Delivery, UUID> {

  List<Delivery> findByUserIdAndChannelOrderByCreatedAtDesc(String userId, String channel);

  List<Delivery> findByEventId(UUID eventId);

  /** Returns the ids of pending deliveries whose next attempt is due, oldest due first. */
  @Query(
      value =
          """
          SELECT delivery_id FROM deliveries
          WHERE status = 'pending' AND next_attempt_at <= :now
          ORDER BY next_attempt_at
          LIMIT :limit
          """,
      nativeQuery = true)
  List<UUID> findDueIds(@Param("now") Instant now, @Param("limit") int limit);

  /**
   * Loads and locks the delivery when it is pending and due. A row locked by another instance is
   * skipped, so two instances never send the same message at once.
   */
  @Query(
      value =
          """
          SELECT * FROM deliveries
          WHERE delivery_id = :deliveryId AND status = 'pending' AND next_attempt_at <= :now
          FOR UPDATE SKIP LOCKED
          """,
      nativeQuery = true)
  Optional<Delivery> lockIfDue(@Param("deliveryId") UUID deliveryId, @Param("now") Instant now);
}
