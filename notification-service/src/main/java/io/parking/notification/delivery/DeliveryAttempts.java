package io.parking.notification.delivery;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs one attempt at one delivery and records its outcome. */
@Service
class DeliveryAttempts {

  private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

  private final DeliveryRepository deliveries;
  private final DeliveryProperties properties;
  private final EmailSender mail;
  private final WebhookSender webhooks;

  DeliveryAttempts(
      DeliveryRepository deliveries,
      DeliveryProperties properties,
      EmailSender mail,
      WebhookSender webhooks) {
    this.deliveries = deliveries;
    this.properties = properties;
    this.mail = mail;
    this.webhooks = webhooks;
  }

  /**
   * Sends the delivery if it is still pending and due, holding its row lock meanwhile, so no other
   * instance sends it at the same time.
   */
  @Transactional
  void attemptIfDue(UUID deliveryId) {
    Optional<Delivery> due = deliveries.lockIfDue(deliveryId, Instant.now());
    if (due.isEmpty()) {
      return;
    }
    Delivery delivery = due.get();
    try {
      send(delivery);
      delivery.delivered(Instant.now());
      log.info(
          "Delivered {} {} of event {} for booking {} to {} at attempt {}",
          delivery.getChannel(),
          delivery.getDeliveryId(),
          delivery.getEventId(),
          delivery.getBookingId(),
          delivery.getTarget(),
          delivery.getAttempts());
    } catch (DeliveryFailedException e) {
      DeliveryProperties.Retry retry = properties.retry();
      int attempt = delivery.getAttempts() + 1;
      delivery.failed(
          e.getMessage(), retry.maxAttempts(), retry.backoffAfter(attempt), Instant.now());
      if (Delivery.DEAD.equals(delivery.getStatus())) {
        log.error(
            "Dead-lettered {} delivery {} of event {} for booking {} after {} attempts: {}",
            delivery.getChannel(),
            delivery.getDeliveryId(),
            delivery.getEventId(),
            delivery.getBookingId(),
            attempt,
            e.getMessage());
      } else {
        log.warn(
            "{} delivery {} of event {} failed attempt {} of {}, next at {}: {}",
            delivery.getChannel(),
            delivery.getDeliveryId(),
            delivery.getEventId(),
            attempt,
            retry.maxAttempts(),
            delivery.getNextAttemptAt(),
            e.getMessage());
      }
    }
  }

  private void send(Delivery delivery) {
    if (Delivery.EMAIL.equals(delivery.getChannel())) {
      mail.send(delivery);
      return;
    }
    DeliveryProperties.Subscription subscription =
        properties.webhooks().subscriptions().stream()
            .filter(candidate -> candidate.name().equals(delivery.getTarget()))
            .findFirst()
            .orElseThrow(
                () ->
                    new DeliveryFailedException(
                        "Webhook subscription '"
                            + delivery.getTarget()
                            + "' is no longer configured",
                        null));
    webhooks.send(delivery, subscription);
  }
}
