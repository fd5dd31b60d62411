package io.parking.notification.delivery;

import java.util.UUID;

/**
 * An event to hand to the delivery channels.
 *
 * @param eventId id of the event, the deduplication key of each channel
 * @param eventType logical type, for example {@code booking.completed}
 * @param userId driver the event is about, or null
 * @param bookingId booking the event is about, or null
 * @param lotId lot the event is about, or null when the event does not carry one
 * @param mailSubject subject of the driver's e-mail, or null when the event sends none
 * @param mailText text of the driver's e-mail
 * @param json the event as it arrived, posted unchanged to webhooks
 */
public record OutgoingEvent(
    UUID eventId,
    String eventType,
    String userId,
    UUID bookingId,
    Long lotId,
    String mailSubject,
    String mailText,
    String json) {}
