package io.parking.notification.notification;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

  List<Notification> findByUserIdOrderByCreatedAtDesc(String userId);

  List<Notification> findByUserIdAndBookingIdOrderByCreatedAtDesc(String userId, UUID bookingId);
}
