package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.notification.support.IntegrationTest;
import io.parking.notification.support.PlatformEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ReminderJobIntegrationTest extends IntegrationTest {

  @Autowired private ReminderJob reminders;

  /** Now for this test; a random day far from the other tests' bookings. */
  private final Instant now =
      Instant.parse("2030-01-01T10:00:00Z")
          .plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1, 100_000)));

  private final String userId = "driver-" + UUID.randomUUID();
  private final long spotId = ThreadLocalRandom.current().nextLong(1, 1_000_000);
  private final String spotKey = Long.toString(spotId);

  @Test
  void startingSoonRemindsOnceWithinLeadTime() {
    // given
    UUID soon = UUID.randomUUID();
    UUID later = UUID.randomUUID();
    Instant soonStart = now.plus(Duration.ofMinutes(10));
    send(booking(EventTypes.BOOKING_RESERVED, soon, "reserved", soonStart, hoursAfter(soonStart)));
    Instant laterStart = now.plus(Duration.ofHours(2));
    send(
        booking(
            EventTypes.BOOKING_RESERVED, later, "reserved", laterStart, hoursAfter(laterStart)));
    awaitTracked(soon, later);
    clock.set(now);

    // when
    reminders.sendDueReminders();
    reminders.sendDueReminders();

    // then
    assertThat(messagesOf(soon, "STARTING_SOON"))
        .containsExactly("Your booking for spot %d starts at %s.".formatted(spotId, soonStart));
    assertThat(messagesOf(later, "STARTING_SOON")).isEmpty();
    assertThat(messagesOf(soon, "ENDING_SOON")).isEmpty();
  }

  @Test
  void endingSoonRemindsOnceWithinLeadTime() {
    // given
    UUID soon = UUID.randomUUID();
    UUID later = UUID.randomUUID();
    Instant started = now.minus(Duration.ofHours(1));
    Instant soonEnd = now.plus(Duration.ofMinutes(10));
    send(booking(EventTypes.BOOKING_ACTIVATED, soon, "active", started, soonEnd));
    send(booking(EventTypes.BOOKING_ACTIVATED, later, "active", started, now.plusSeconds(7200)));
    awaitTracked(soon, later);
    clock.set(now);

    // when
    reminders.sendDueReminders();
    reminders.sendDueReminders();

    // then
    assertThat(messagesOf(soon, "ENDING_SOON"))
        .containsExactly(
            "Your booking for spot %d ends at %s. Extend it if you need more time."
                .formatted(spotId, soonEnd));
    assertThat(messagesOf(later, "ENDING_SOON")).isEmpty();
    assertThat(messagesOf(soon, "STARTING_SOON")).isEmpty();
  }

  @Test
  void cancelledBookingGetsNoReminder() {
    // given
    UUID cancelled = UUID.randomUUID();
    Instant start = now.plus(Duration.ofMinutes(10));
    send(booking(EventTypes.BOOKING_RESERVED, cancelled, "reserved", start, hoursAfter(start)));
    send(booking(EventTypes.BOOKING_CANCELLED, cancelled, "cancelled", start, hoursAfter(start)));
    await().untilAsserted(() -> assertThat(messagesOf(cancelled, "BOOKING_CANCELLED")).hasSize(1));
    clock.set(now);

    // when
    reminders.sendDueReminders();

    // then
    assertThat(messagesOf(cancelled, "STARTING_SOON")).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM live_bookings WHERE booking_id = :bookingId")
                .param("bookingId", cancelled)
                .query(Long.class)
                .single())
        .isZero();
  }

  private static Instant hoursAfter(Instant start) {
    return start.plus(Duration.ofHours(2));
  }

  private EventEnvelope<BookingChanged> booking(
      String type, UUID bookingId, String status, Instant start, Instant end) {
    return EventEnvelope.of(
        type,
        bookingId.toString(),
        new BookingChanged(
            bookingId,
            PlatformEvents.LOT_ID,
            PlatformEvents.FLOOR_ID,
            spotId,
            userId,
            start,
            end,
            status));
  }

  private void send(EventEnvelope<BookingChanged> event) {
    send(Topics.BOOKING_EVENTS, spotKey, event);
  }

  private void awaitTracked(UUID... bookingIds) {
    await()
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "SELECT count(*) FROM live_bookings WHERE booking_id IN"
                                    + " (:bookingIds)")
                            .param("bookingIds", List.of(bookingIds))
                            .query(Long.class)
                            .single())
                    .isEqualTo(bookingIds.length));
  }

  private List<String> messagesOf(UUID bookingId, String kind) {
    return jdbc.sql(
            "SELECT message FROM notifications WHERE booking_id = :bookingId AND kind = :kind")
        .param("bookingId", bookingId)
        .param("kind", kind)
        .query(String.class)
        .list();
  }
}
