package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.PaymentChanged;
import io.parking.events.Topics;
import io.parking.notification.support.IntegrationTest;
import io.parking.notification.support.PlatformEvents;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class NotificationEventsIntegrationTest extends IntegrationTest {

  @Autowired private NotificationRepository notifications;

  private final UUID bookingId = UUID.randomUUID();
  private final long spotId = Math.floorMod(bookingId.getLeastSignificantBits(), 1_000_000L) + 1;
  private final String spotKey = Long.toString(spotId);
  private final String userId = "driver-" + UUID.randomUUID();

  @Test
  void reservedEventConfirmsBooking() {
    // given
    EventEnvelope<BookingChanged> reserved = PlatformEvents.reserved(bookingId, spotId, userId);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // then
    Notification notification = awaitNotifications(bookingId, 1).get(0);
    assertThat(notification.getKind()).isEqualTo(NotificationKind.BOOKING_CONFIRMED);
    assertThat(notification.getUserId()).isEqualTo(userId);
    assertThat(notification.getSourceEventId()).isEqualTo(reserved.eventId());
    assertThat(notification.getMessage())
        .isEqualTo(
            "Your booking for spot "
                + spotId
                + " from 2026-12-04T09:00:00Z to 2026-12-04T11:00:00Z is confirmed.");
  }

  @Test
  void replayedEventNotifiesOnce() {
    // given
    EventEnvelope<BookingChanged> reserved = PlatformEvents.reserved(bookingId, spotId, userId);
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);
    awaitBookingTopicPast(reserved.eventId());

    // then
    assertThat(notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(userId, bookingId))
        .singleElement()
        .extracting(Notification::getKind)
        .isEqualTo(NotificationKind.BOOKING_CONFIRMED);
  }

  @Test
  void cancelledEventNotifiesCancellation() {
    // given
    EventEnvelope<BookingChanged> cancelled = PlatformEvents.cancelled(bookingId, spotId, userId);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, cancelled);

    // then
    Notification notification = awaitNotifications(bookingId, 1).get(0);
    assertThat(notification.getKind()).isEqualTo(NotificationKind.BOOKING_CANCELLED);
    assertThat(notification.getMessage())
        .isEqualTo(
            "Your booking for spot "
                + spotId
                + " from 2026-12-04T09:00:00Z to 2026-12-04T11:00:00Z is cancelled.");
  }

  @Test
  void authorisedEventNotifiesHoldPlaced() {
    // given
    EventEnvelope<PaymentChanged> authorised =
        PlatformEvents.authorised(bookingId, userId, 500, "EUR");

    // when
    send(Topics.PAYMENT_EVENTS, bookingId.toString(), authorised);

    // then
    Notification notification = awaitNotifications(bookingId, 1).get(0);
    assertThat(notification.getKind()).isEqualTo(NotificationKind.HOLD_PLACED);
    assertThat(notification.getUserId()).isEqualTo(userId);
    assertThat(notification.getMessage())
        .isEqualTo("A hold of 5.00 EUR was placed on your card for booking " + bookingId + ".");
  }

  @Test
  void voidedEventNotifiesHoldReleased() {
    // given
    EventEnvelope<PaymentChanged> voided = PlatformEvents.voided(bookingId, userId, 750, "EUR");

    // when
    send(Topics.PAYMENT_EVENTS, bookingId.toString(), voided);

    // then
    Notification notification = awaitNotifications(bookingId, 1).get(0);
    assertThat(notification.getKind()).isEqualTo(NotificationKind.HOLD_RELEASED);
    assertThat(notification.getMessage())
        .isEqualTo("The hold of 7.50 EUR for booking " + bookingId + " was released.");
  }

  @Test
  void bookingAndPaymentEventsEachNotifyOnce() {
    // given
    send(Topics.BOOKING_EVENTS, spotKey, PlatformEvents.reserved(bookingId, spotId, userId));
    send(
        Topics.PAYMENT_EVENTS,
        bookingId.toString(),
        PlatformEvents.authorised(bookingId, userId, 500, "EUR"));
    send(Topics.BOOKING_EVENTS, spotKey, PlatformEvents.cancelled(bookingId, spotId, userId));

    // when
    send(
        Topics.PAYMENT_EVENTS,
        bookingId.toString(),
        PlatformEvents.voided(bookingId, userId, 500, "EUR"));

    // then
    assertThat(awaitNotifications(bookingId, 4))
        .extracting(Notification::getKind)
        .containsExactlyInAnyOrder(
            NotificationKind.BOOKING_CONFIRMED,
            NotificationKind.HOLD_PLACED,
            NotificationKind.BOOKING_CANCELLED,
            NotificationKind.HOLD_RELEASED);
  }

  @Test
  void unknownEventTypeIsIgnored() {
    // given
    EventEnvelope<BookingChanged> reserved = PlatformEvents.reserved(bookingId, spotId, userId);
    EventEnvelope<BookingChanged> unknown =
        new EventEnvelope<>(
            UUID.randomUUID(),
            "booking.extended",
            1,
            Instant.now(),
            bookingId.toString(),
            reserved.payload());

    // when
    send(Topics.BOOKING_EVENTS, spotKey, unknown);
    awaitBookingTopicPast(unknown.eventId());

    // then
    assertThat(notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(userId, bookingId))
        .isEmpty();
  }

  @Test
  void unknownCurrencyGoesToDeadLetterTopic() {
    // given
    EventEnvelope<PaymentChanged> authorised =
        PlatformEvents.authorised(bookingId, userId, 500, "EURO");

    // when
    send(Topics.PAYMENT_EVENTS, bookingId.toString(), authorised);

    // then
    List<ConsumerRecord<String, String>> dead =
        awaitRecords(Topics.PAYMENT_EVENTS + Topics.DEAD_LETTER_SUFFIX, bookingId.toString(), 1);
    assertThat(dead.get(0).value()).contains(authorised.eventId().toString());
    assertThat(notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(userId, bookingId))
        .isEmpty();
  }

  private List<Notification> awaitNotifications(UUID bookingId, int count) {
    await()
        .untilAsserted(
            () ->
                assertThat(
                        notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(
                            userId, bookingId))
                    .hasSize(count));
    return notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(userId, bookingId);
  }

  /**
   * Waits until the consumer is past an event on the booking topic: sends a reservation of another
   * booking with the same key (so the same partition, read in order) and waits for its
   * notification.
   */
  private void awaitBookingTopicPast(UUID eventId) {
    UUID fenceBookingId = UUID.randomUUID();
    send(Topics.BOOKING_EVENTS, spotKey, PlatformEvents.reserved(fenceBookingId, spotId, userId));
    await()
        .untilAsserted(
            () ->
                assertThat(
                        notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(
                            userId, fenceBookingId))
                    .as("notification of the booking sent after event %s", eventId)
                    .hasSize(1));
  }
}
