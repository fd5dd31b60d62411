package io.parking.notification.notification;

import io.parking.events.BookingOverstayed;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorAlert;
import io.parking.events.Topics;
import io.parking.events.UnreservedOccupancy;
import io.parking.events.WrongSpotSuspected;
import io.parking.notification.delivery.OutgoingEvent;
import io.parking.notification.notification.NotificationService.FeedEntry;
import io.parking.support.messaging.EventReader;
import io.parking.support.messaging.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the operator topic. Each alert goes to the operator user's in-app feed and to every
 * webhook subscription of its lot and event type. An overstay or a suspected wrong spot also goes
 * to the booking's driver when the payload names one. No event of this topic sends an e-mail,
 * because the service has no operator address and the driver messages stay in the feed. Other event
 * types are ignored.
 */
@Component
class OperatorEventsListener {

  private static final Logger log = LoggerFactory.getLogger(OperatorEventsListener.class);

  private final EventReader reader;
  private final NotificationService notifications;
  private final OperatorProperties properties;

  OperatorEventsListener(
      EventReader reader, NotificationService notifications, OperatorProperties properties) {
    this.reader = reader;
    this.notifications = notifications;
    this.properties = properties;
  }

  @KafkaListener(topics = Topics.OPERATOR_EVENTS)
  void onEvent(ConsumerRecord<String, String> record) {
    String type = reader.readType(record.value());
    switch (type) {
      case EventTypes.SENSOR_OFFLINE -> {
        EventEnvelope<SensorAlert> event = readSensorAlert(record);
        onSensorAlert(
            record,
            event,
            NotificationKind.SENSOR_OFFLINE,
            Messages.sensorOffline(event.payload()));
      }
      case EventTypes.SENSOR_LOW_BATTERY -> {
        EventEnvelope<SensorAlert> event = readSensorAlert(record);
        onSensorAlert(
            record,
            event,
            NotificationKind.SENSOR_LOW_BATTERY,
            Messages.sensorLowBattery(event.payload()));
      }
      case EventTypes.BOOKING_OVERSTAYED -> onOverstay(record, readOverstay(record));
      case EventTypes.BOOKING_WRONG_SPOT_SUSPECTED -> onWrongSpot(record, readWrongSpot(record));
      case EventTypes.SPOT_UNRESERVED_OCCUPANCY ->
          onUnreservedOccupancy(record, readUnreservedOccupancy(record));
      default ->
          log.debug(
              "Ignored event type {} at {}-{} offset {}",
              type,
              record.topic(),
              record.partition(),
              record.offset());
    }
  }

  private void onSensorAlert(
      ConsumerRecord<String, String> record,
      EventEnvelope<SensorAlert> event,
      NotificationKind kind,
      String message) {
    SensorAlert alert = event.payload();
    notifications.handle(
        new OutgoingEvent(
            event.eventId(), event.type(), null, null, alert.lotId(), null, null, record.value()),
        List.of(new FeedEntry(properties.operatorUserId(), kind, message)),
        () -> {});
  }

  private void onOverstay(
      ConsumerRecord<String, String> record, EventEnvelope<BookingOverstayed> event) {
    BookingOverstayed overstay = event.payload();
    List<FeedEntry> entries = new ArrayList<>();
    entries.add(
        new FeedEntry(
            properties.operatorUserId(),
            NotificationKind.OVERSTAY_ALERT,
            Messages.overstayAlert(overstay)));
    if (overstay.userId() != null) {
      entries.add(
          new FeedEntry(overstay.userId(), NotificationKind.OVERSTAY, Messages.overstay(overstay)));
    }
    notifications.handle(
        new OutgoingEvent(
            event.eventId(),
            event.type(),
            overstay.userId(),
            overstay.bookingId(),
            overstay.lotId(),
            null,
            null,
            record.value()),
        entries,
        () -> {});
  }

  private void onWrongSpot(
      ConsumerRecord<String, String> record, EventEnvelope<WrongSpotSuspected> event) {
    WrongSpotSuspected suspicion = event.payload();
    List<FeedEntry> entries = new ArrayList<>();
    entries.add(
        new FeedEntry(
            properties.operatorUserId(),
            NotificationKind.WRONG_SPOT_ALERT,
            Messages.wrongSpotAlert(suspicion)));
    if (suspicion.userId() != null) {
      entries.add(
          new FeedEntry(
              suspicion.userId(),
              NotificationKind.WRONG_SPOT_SUSPECTED,
              Messages.wrongSpotSuspected(suspicion)));
    }
    notifications.handle(
        new OutgoingEvent(
            event.eventId(),
            event.type(),
            suspicion.userId(),
            suspicion.bookingId(),
            suspicion.lotId(),
            null,
            null,
            record.value()),
        entries,
        () -> {});
  }

  private void onUnreservedOccupancy(
      ConsumerRecord<String, String> record, EventEnvelope<UnreservedOccupancy> event) {
    UnreservedOccupancy occupancy = event.payload();
    notifications.handle(
        new OutgoingEvent(
            event.eventId(),
            event.type(),
            null,
            null,
            occupancy.lotId(),
            null,
            null,
            record.value()),
        List.of(
            new FeedEntry(
                properties.operatorUserId(),
                NotificationKind.UNRESERVED_OCCUPANCY_ALERT,
                Messages.unreservedOccupancyAlert(occupancy))),
        () -> {});
  }

  private EventEnvelope<SensorAlert> readSensorAlert(ConsumerRecord<String, String> record) {
    return read(record, SensorAlert.class, "sensorId", SensorAlert::sensorId, SensorAlert::spotId);
  }

  private EventEnvelope<BookingOverstayed> readOverstay(ConsumerRecord<String, String> record) {
    return read(
        record,
        BookingOverstayed.class,
        "bookingId",
        BookingOverstayed::bookingId,
        BookingOverstayed::spotId);
  }

  private EventEnvelope<WrongSpotSuspected> readWrongSpot(ConsumerRecord<String, String> record) {
    return read(
        record,
        WrongSpotSuspected.class,
        "bookingId",
        WrongSpotSuspected::bookingId,
        WrongSpotSuspected::bookedSpotId);
  }

  /** Reads an unreserved occupancy and rejects it when the sensor id or the start is missing. */
  private EventEnvelope<UnreservedOccupancy> readUnreservedOccupancy(
      ConsumerRecord<String, String> record) {
    EventEnvelope<UnreservedOccupancy> event =
        read(
            record,
            UnreservedOccupancy.class,
            "sensorId",
            UnreservedOccupancy::sensorId,
            UnreservedOccupancy::spotId);
    if (event.payload().startedAt() == null) {
      throw new InvalidEventException(
          "Event %s (%s) lacks startedAt".formatted(event.eventId(), event.type()));
    }
    return event;
  }

  /**
   * Reads an operator event and rejects it when the id it is about ({@code subjectField}) is
   * missing.
   */
  private <P> EventEnvelope<P> read(
      ConsumerRecord<String, String> record,
      Class<P> payloadType,
      String subjectField,
      Function<P, Object> subject,
      Function<P, Object> spot) {
    EventEnvelope<P> event = reader.read(record.value(), payloadType);
    Object subjectId = subject.apply(event.payload());
    if (subjectId == null) {
      throw new InvalidEventException(
          "Event %s (%s) lacks %s".formatted(event.eventId(), event.type(), subjectField));
    }
    log.debug(
        "Received {} event {} for {} {} on spot {}",
        event.type(),
        event.eventId(),
        subjectField,
        subjectId,
        spot.apply(event.payload()));
    return event;
  }
}
