package io.parking.notification.notification;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds drivers that a booking starts soon or ends soon, at most once per booking and kind. The
 * bookings come from {@link LiveBookings}, so a cancelled, expired or completed booking gets no
 * reminder.
 */
@Component
public class ReminderJob {

  private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

  private final LiveBookings liveBookings;
  private final JdbcClient jdbc;
  private final ReminderProperties properties;
  private final Clock clock;

  ReminderJob(
      LiveBookings liveBookings, JdbcClient jdbc, ReminderProperties properties, Clock clock) {
    this.liveBookings = liveBookings;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Writes the reminders that are due now and were not written before. */
  @Scheduled(fixedDelayString = "${parking.notification.reminders.interval}")
  public void sendDueReminders() {
    Instant now = clock.instant();
    for (LiveBookings.LiveBooking booking :
        liveBookings.startingBetween(now, now.plus(properties.startingSoon()))) {
      remind(booking, NotificationKind.STARTING_SOON, Messages.startingSoon(booking), now);
    }
    for (LiveBookings.LiveBooking booking :
        liveBookings.endingBetween(now, now.plus(properties.endingSoon()))) {
      remind(booking, NotificationKind.ENDING_SOON, Messages.endingSoon(booking), now);
    }
  }

  private void remind(
      LiveBookings.LiveBooking booking, NotificationKind kind, String message, Instant now) {
    // The same source id for every run, so the table's unique keys turn a repeat into a no-op.
    UUID sourceId =
        UUID.nameUUIDFromBytes(
            (kind.name() + ":" + booking.bookingId()).getBytes(StandardCharsets.UTF_8));
    UUID notificationId = UUID.randomUUID();
    int inserted =
        jdbc.sql(
                """
                INSERT INTO notifications (notification_id, user_id, booking_id, kind, message,
                                           source_event_id, created_at)
                VALUES (:notificationId, :userId, :bookingId, :kind, :message, :sourceId, :now)
                ON CONFLICT DO NOTHING
                """)
            .param("notificationId", notificationId)
            .param("userId", booking.userId())
            .param("bookingId", booking.bookingId())
            .param("kind", kind.name())
            .param("message", message)
            .param("sourceId", sourceId)
            .param("now", Timestamp.from(now))
            .update();
    if (inserted == 1) {
      log.info(
          "Notification {} {} for booking {} on spot {}",
          notificationId,
          kind,
          booking.bookingId(),
          booking.spotId());
    }
  }
}
