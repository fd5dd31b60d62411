package io.parking.booking.booking;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Expires no-shows: reserved bookings whose start plus {@code parking.booking.no-show-grace} has
 * passed without a check-in. Runs every {@code parking.booking.expiry-interval}; each booking is
 * expired in its own transaction under its row lock, so several instances can run it at once.
 */
@Component
class BookingExpiryJob implements SchedulingConfigurer {

  /** Bookings read per query; the job reads again until none is left. */
  private static final int BATCH_SIZE = 100;

  private static final Logger log = LoggerFactory.getLogger(BookingExpiryJob.class);

  private final BookingService bookings;
  private final BookingQueries queries;
  private final BookingProperties properties;
  private final Clock clock;

  BookingExpiryJob(
      BookingService bookings, BookingQueries queries, BookingProperties properties, Clock clock) {
    this.bookings = bookings;
    this.queries = queries;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::expireNoShows, properties.expiryInterval());
  }

  /** Expires every due no-show and returns how many it expired. */
  int expireNoShows() {
    int expired = 0;
    while (true) {
      List<UUID> due =
          queries.reservedStartedBefore(
              clock.instant().minus(properties.noShowGrace()), BATCH_SIZE);
      int expiredInBatch = 0;
      for (UUID bookingId : due) {
        try {
          if (bookings.expireIfNoShow(bookingId)) {
            expiredInBatch++;
          }
        } catch (RuntimeException e) {
          log.error("Failed to expire booking {}, retrying on the next run", bookingId, e);
        }
      }
      expired += expiredInBatch;
      // A batch that expired nothing would come back unchanged, so stop instead of looping.
      if (due.size() < BATCH_SIZE || expiredInBatch == 0) {
        break;
      }
    }
    if (expired > 0) {
      log.info("Expired {} no-show bookings", expired);
    }
    return expired;
  }
}
