package io.parking.notification.delivery;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries every {@code retry.poll-interval}, each in its own transaction, so one
 * failing endpoint does not hold up the others.
 */
@Component
class DeliveryScheduler {

  private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

  /** Deliveries sent in one run, so one run stays short. */
  private static final int BATCH = 50;

  private final DeliveryRepository deliveries;
  private final DeliveryAttempts attempts;

  DeliveryScheduler(DeliveryRepository deliveries, DeliveryAttempts attempts) {
    this.deliveries = deliveries;
    this.attempts = attempts;
  }

  @Scheduled(fixedDelayString = "${parking.notification.retry.poll-interval}")
  void sendDue() {
    for (UUID deliveryId : deliveries.findDueIds(Instant.now(), BATCH)) {
      try {
        attempts.attemptIfDue(deliveryId);
      } catch (RuntimeException e) {
        log.error("Sending delivery {} failed; the next run tries again", deliveryId, e);
      }
    }
  }
}
