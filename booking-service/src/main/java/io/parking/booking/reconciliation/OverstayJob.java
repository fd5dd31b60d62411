package io.parking.booking.reconciliation;

import io.parking.booking.reconciliation.ReconciliationRecords.OverstayCandidate;
import io.parking.events.BookingOverstayed;
import io.parking.events.EventTypes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flags overstays: active bookings whose spot is still occupied {@code
 * parking.reconciliation.overstay-grace} after the window's end. Each is flagged once, with a
 * {@code booking.overstayed} alert; the booking completes when the sensor reports the car gone.
 */
@Component
public class OverstayJob implements SchedulingConfigurer {

  private static final int BATCH_SIZE = 100;

  private static final Logger log = LoggerFactory.getLogger(OverstayJob.class);

  private final ReconciliationRecords records;
  private final OperatorEvents operatorEvents;
  private final ReconciliationProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;

  OverstayJob(
      ReconciliationRecords records,
      OperatorEvents operatorEvents,
      ReconciliationProperties properties,
      TransactionTemplate transactions,
      Clock clock) {
    this.records = records;
    this.operatorEvents = operatorEvents;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::flagNow, properties.overstayCheckInterval());
  }

  private void flagNow() {
    try {
      flagOverstays();
    } catch (RuntimeException e) {
      log.error("Overstay check failed, retrying on the next run", e);
    }
  }

  /** Flags every due overstay in one transaction and returns how many it flagged. */
  public int flagOverstays() {
    Integer flagged =
        transactions.execute(
            status -> {
              Instant now = clock.instant();
              List<OverstayCandidate> candidates =
                  records.overstayCandidates(now.minus(properties.overstayGrace()), BATCH_SIZE);
              int count = 0;
              for (OverstayCandidate candidate : candidates) {
                if (records.flagOverstay(candidate, now)) {
                  operatorEvents.publish(
                      EventTypes.BOOKING_OVERSTAYED,
                      candidate.spotId(),
                      new BookingOverstayed(
                          candidate.bookingId(),
                          candidate.lotId(),
                          candidate.floorId(),
                          candidate.spotId(),
                          candidate.userId(),
                          candidate.endTime(),
                          now));
                  log.info(
                      "Booking {} on spot {} overstays: window ended at {}, car still there",
                      candidate.bookingId(),
                      candidate.spotId(),
                      candidate.endTime());
                  count++;
                }
              }
              return count;
            });
    return flagged == null ? 0 : flagged;
  }
}
