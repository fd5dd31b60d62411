package io.parking.payment.payment;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for settlements due for another attempt every {@code capture-retry.poll-interval} and
 * retries each in its own transaction, so one failing settlement does not hold up the others.
 */
@Component
class SettlementRetryScheduler {

  private static final Logger log = LoggerFactory.getLogger(SettlementRetryScheduler.class);

  /** Settlements retried in one run, so one run stays short. */
  private static final int BATCH = 20;

  private final SettlementRepository settlements;
  private final SettlementService settlementService;

  SettlementRetryScheduler(SettlementRepository settlements, SettlementService settlementService) {
    this.settlements = settlements;
    this.settlementService = settlementService;
  }

  @Scheduled(fixedDelayString = "${parking.payment.capture-retry.poll-interval}")
  void retryDue() {
    for (UUID bookingId : settlements.findDueIds(Instant.now(), BATCH)) {
      try {
        settlementService.retryIfDue(bookingId);
      } catch (RuntimeException e) {
        log.error(
            "Retrying the settlement of booking {} failed; the next run tries again", bookingId, e);
      }
    }
  }
}
