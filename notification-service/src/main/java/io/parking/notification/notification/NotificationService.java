package io.parking.notification.notification;

import io.parking.notification.messaging.ProcessedEvents;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes notifications, each event at most once. */
@Service
class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final ProcessedEvents processedEvents;
  private final EntityManager entityManager;

  NotificationService(ProcessedEvents processedEvents, EntityManager entityManager) {
    this.processedEvents = processedEvents;
    this.entityManager = entityManager;
  }

  /**
   * Stores a notification for the driver unless the event was applied before; the event id and the
   * notification commit together.
   */
  @Transactional
  void notifyDriver(
      UUID eventId, String userId, UUID bookingId, NotificationKind kind, String message) {
    if (!processedEvents.markProcessed(eventId)) {
      log.debug("Skipped event {} for booking {}: already processed", eventId, bookingId);
      return;
    }
    Notification notification =
        new Notification(userId, bookingId, kind, message, eventId, Instant.now());
    entityManager.persist(notification);
    log.info(
        "Notification {} {} for booking {} from event {}",
        notification.getNotificationId(),
        kind,
        bookingId,
        eventId);
  }
}
