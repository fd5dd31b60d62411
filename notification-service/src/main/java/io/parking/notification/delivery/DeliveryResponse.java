package io.parking.notification.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail delivery as the history API returns it.
 *
 * @param deliveryId id of the delivery
 * @param eventId event that caused it
 * @param eventType type of that event
 * @param channel {@code email}
 * @param bookingId booking the event is about, or null
 * @param subject subject of the e-mail
 * @param status {@code pending}, {@code delivered} or {@code dead}
 * @param attempts sends tried so far
 * @param createdAt when the delivery was queued
 * @param deliveredAt when it was delivered, or null
 */
record DeliveryResponse(
    UUID deliveryId,
    UUID eventId,
    String eventType,
    String channel,
    UUID bookingId,
    String subject,
    String status,
    int attempts,
    Instant createdAt,
    Instant deliveredAt) {

  static DeliveryResponse from(Delivery delivery) {
    return new DeliveryResponse(
        delivery.getDeliveryId(),
        delivery.getEventId(),
        delivery.getEventType(),
        delivery.getChannel(),
        delivery.getBookingId(),
        delivery.getSubject(),
        delivery.getStatus(),
        delivery.getAttempts(),
        delivery.getCreatedAt(),
        delivery.getDeliveredAt());
  }
}
