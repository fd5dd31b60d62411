package io.parking.notification.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A notification as the HTTP API returns it.
 *
 * @param notificationId id of the notification
 * @param kind what the notification reports, for example {@code BOOKING_CONFIRMED}
 * @param message text for the driver
 * @param bookingId booking the notification is about, or null
 * @param createdAt when the notification was written
 */
record NotificationResponse(
    UUID notificationId, NotificationKind kind, String message, UUID bookingId, Instant createdAt) {

  static NotificationResponse from(Notification notification) {
    return new NotificationResponse(
        notification.getNotificationId(),
        notification.getKind(),
        notification.getMessage(),
        notification.getBookingId(),
        notification.getCreatedAt());
  }
}
