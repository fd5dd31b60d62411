package io.parking.notification.delivery;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues the e-mail and webhook deliveries of an event in the caller's transaction, at most one per
 * event, channel and target; {@link DeliveryScheduler} sends them.
 */
@Service
public class DeliveryService {

  private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

  private final DeliveryProperties properties;
  private final JdbcClient jdbc;

  DeliveryService(DeliveryProperties properties, JdbcClient jdbc) {
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** Queues the deliveries of the event on every enabled channel that it concerns. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(OutgoingEvent event) {
    Instant now = Instant.now();
    if (properties.mail().enabled() && event.mailSubject() != null && event.userId() != null) {
      insert(
          new Delivery(
              event.eventId(),
              event.eventType(),
              Delivery.EMAIL,
              properties.mail().recipientOf(event.userId()),
              event.userId(),
              event.bookingId(),
              event.mailSubject(),
              event.mailText(),
              now));
    }
    if (properties.webhooks().enabled()) {
      for (DeliveryProperties.Subscription subscription : properties.webhooks().subscriptions()) {
        if (subscription.matches(event.eventType(), event.lotId())) {
          insert(
              new Delivery(
                  event.eventId(),
                  event.eventType(),
                  Delivery.WEBHOOK,
                  subscription.name(),
                  event.userId(),
                  event.bookingId(),
                  null,
                  event.json(),
                  now));
        }
      }
    }
  }

  private void insert(Delivery delivery) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO deliveries (delivery_id, event_id, event_type, channel, target,
                                        user_id, booking_id, subject, body, status, attempts,
                                        next_attempt_at, created_at)
                VALUES (:deliveryId, :eventId, :eventType, :channel, :target, :userId,
                        :bookingId, :subject, :body, 'pending', 0, :now, :now)
                ON CONFLICT (event_id, channel, target) DO NOTHING
                """)
            .param("deliveryId", delivery.getDeliveryId())
            .param("eventId", delivery.getEventId())
            .param("eventType", delivery.getEventType())
            .param("channel", delivery.getChannel())
            .param("target", delivery.getTarget())
            .param("userId", delivery.getUserId())
            .param("bookingId", delivery.getBookingId())
            .param("subject", delivery.getSubject())
            .param("body", delivery.getBody())
            .param("now", java.sql.Timestamp.from(delivery.getCreatedAt()))
            .update();
    if (inserted == 1) {
      log.info(
          "Queued {} delivery {} of event {} for booking {}",
          delivery.getChannel(),
          delivery.getDeliveryId(),
          delivery.getEventId(),
          delivery.getBookingId());
    } else {
      log.debug(
          "Skipped {} delivery of event {}: already queued",
          delivery.getChannel(),
          delivery.getEventId());
    }
  }
}
