package io.parking.notification.notification;

import io.parking.notification.delivery.DeliveryService;
import io.parking.notification.delivery.OutgoingEvent;
import io.parking.notification.messaging.ProcessedEvents;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies each event at most once: writes the driver's in-app notification and queues the e-mail
 * and webhook deliveries, all in the transaction that records the event id.
 */
@Service
class NotificationService {

  private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

  private final ProcessedEvents processedEvents;
  private final EntityManager entityManager;
  private final DeliveryService deliveries;

  NotificationService(
      ProcessedEvents processedEvents, EntityManager entityManager, DeliveryService deliveries) {
    this.processedEvents = processedEvents;
    this.entityManager = entityManager;
    this.deliveries = deliveries;
  }

  /**
   * Applies the event unless it was applied before.
   *
   * @param kind kind of the driver's in-app notification, or null when the event gets none
   * @param message text of the in-app notification
   */
  @Transactional
  void handle(OutgoingEvent event, NotificationKind kind, String message) {
    List<FeedEntry> entries =
        kind == null ? List.of() : List.of(new FeedEntry(event.userId(), kind, message));
    handle(event, entries, () -> {});
  }

  /**
   * Applies the event unless it was applied before: writes one in-app notification per entry, runs
   * {@code stateChange} and queues the deliveries, all in one transaction.
   */
  @Transactional
  void handle(OutgoingEvent event, List<FeedEntry> entries, Runnable stateChange) {
    if (!processedEvents.markProcessed(event.eventId())) {
      log.debug(
          "Skipped event {} for booking {}: already processed", event.eventId(), event.bookingId());
      return;
    }
    for (FeedEntry entry : entries) {
      Notification notification =
          new Notification(
              entry.userId(),
              event.bookingId(),
              entry.kind(),
              entry.message(),
              event.eventId(),
              Instant.now());
      entityManager.persist(notification);
      log.info(
          "Notification {} {} for booking {} from event {}",
          notification.getNotificationId(),
          entry.kind(),
          event.bookingId(),
          event.eventId());
    }
    stateChange.run();
    deliveries.enqueue(event);
  }

  /**
   * One in-app notification that an event causes.
   *
   * @param userId whose feed gets it: a driver, or the operator user
   * @param kind kind of the notification
   * @param message text of the notification
   */
  record FeedEntry(String userId, NotificationKind kind, String message) {}
}
