package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.parking.events.BookingOverstayed;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.SensorAlert;
import io.parking.events.Topics;
import io.parking.events.UnreservedOccupancy;
import io.parking.events.WrongSpotSuspected;
import io.parking.notification.support.BearerTokens;
import io.parking.notification.support.IntegrationTest;
import io.parking.notification.support.PlatformEvents;
import io.parking.notification.support.WebhookReceiver;
import io.parking.support.messaging.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.web.servlet.MockMvc;

class OperatorEventsIntegrationTest extends IntegrationTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

  @Autowired private MockMvc mockMvc;

  private final UUID bookingId = UUID.randomUUID();
  private final long spotId = Math.floorMod(bookingId.getLeastSignificantBits(), 1_000_000L) + 1;
  private final String spotKey = Long.toString(spotId);
  private final String userId = "driver-" + UUID.randomUUID();
  private final String sensorId = "sensor-" + UUID.randomUUID();

  @Test
  void sensorOfflineNotifiesOperator() {
    // given
    EventEnvelope<SensorAlert> offline = sensorAlert(EventTypes.SENSOR_OFFLINE, null);

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, offline);

    // then
    assertThat(awaitFeed(offline.eventId(), 1))
        .containsExactly(
            new FeedRow(
                OPERATOR_USER_ID,
                "SENSOR_OFFLINE",
                "Sensor %s on spot %d (lot 1, floor 11) is offline; last message at %s."
                    .formatted(sensorId, spotId, AT)));
    awaitWebhookPost(offline.eventId());
  }

  @Test
  void lowBatteryNotifiesOperator() {
    // given
    EventEnvelope<SensorAlert> lowBattery = sensorAlert(EventTypes.SENSOR_LOW_BATTERY, 7);

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, lowBattery);

    // then
    assertThat(awaitFeed(lowBattery.eventId(), 1))
        .containsExactly(
            new FeedRow(
                OPERATOR_USER_ID,
                "SENSOR_LOW_BATTERY",
                "Sensor %s on spot %d (lot 1, floor 11) has a low battery: 7%%."
                    .formatted(sensorId, spotId)));
    awaitWebhookPost(lowBattery.eventId());
  }

  @Test
  void overstayNotifiesOperatorAndDriver() {
    // given
    EventEnvelope<BookingOverstayed> overstayed = overstayed();

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, overstayed);

    // then
    assertThat(awaitFeed(overstayed.eventId(), 2))
        .extracting(FeedRow::userId, FeedRow::kind)
        .containsExactlyInAnyOrder(
            tuple(OPERATOR_USER_ID, "OVERSTAY_ALERT"), tuple(userId, "OVERSTAY"));
    awaitWebhookPost(overstayed.eventId());
  }

  @Test
  void wrongSpotNotifiesOperatorAndDriver() {
    // given
    EventEnvelope<WrongSpotSuspected> suspected = wrongSpotSuspected();

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, suspected);

    // then
    assertThat(awaitFeed(suspected.eventId(), 2))
        .extracting(FeedRow::userId, FeedRow::kind)
        .containsExactlyInAnyOrder(
            tuple(OPERATOR_USER_ID, "WRONG_SPOT_ALERT"), tuple(userId, "WRONG_SPOT_SUSPECTED"));
    assertThat(awaitFeed(suspected.eventId(), 2))
        .filteredOn(row -> row.userId().equals(userId))
        .extracting(FeedRow::message)
        .containsExactly(
            "Your booked spot is %d, but a car was detected on spot %d. If that is yours, please"
                    .formatted(spotId, spotId + 1)
                + " move it to spot %d.".formatted(spotId));
    awaitWebhookPost(suspected.eventId());
  }

  @Test
  void overstayWithoutDriverNotifiesOperatorOnly() {
    // given
    EventEnvelope<BookingOverstayed> overstayed =
        EventEnvelope.of(
            EventTypes.BOOKING_OVERSTAYED,
            bookingId.toString(),
            new BookingOverstayed(
                bookingId,
                PlatformEvents.LOT_ID,
                PlatformEvents.FLOOR_ID,
                spotId,
                null,
                PlatformEvents.END,
                AT));

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, overstayed);

    // then
    assertThat(awaitFeed(overstayed.eventId(), 1))
        .containsExactly(
            new FeedRow(
                OPERATOR_USER_ID,
                "OVERSTAY_ALERT",
                "Booking %s on spot %d (lot 1) ended at %s but the car is still on the spot."
                    .formatted(bookingId, spotId, PlatformEvents.END)));
  }

  @Test
  void unknownOperatorTypeIsIgnored() {
    // given
    EventEnvelope<SensorAlert> unknown = sensorAlert("sensor.rebooted", null);

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, unknown);
    EventEnvelope<SensorAlert> fence = sensorAlert(EventTypes.SENSOR_OFFLINE, null);
    send(Topics.OPERATOR_EVENTS, spotKey, fence);
    awaitFeed(fence.eventId(), 1);

    // then
    assertThat(feedOf(unknown.eventId())).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM deliveries WHERE event_id = :eventId")
                .param("eventId", unknown.eventId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void replayedOperatorEventsNotifyOnce() {
    // given
    List<EventEnvelope<?>> events =
        List.of(
            sensorAlert(EventTypes.SENSOR_OFFLINE, null),
            sensorAlert(EventTypes.SENSOR_LOW_BATTERY, 5),
            overstayed(),
            wrongSpotSuspected());
    events.forEach(event -> send(Topics.OPERATOR_EVENTS, spotKey, event));
    events.forEach(event -> awaitWebhookPost(event.eventId()));

    // when
    events.forEach(event -> send(Topics.OPERATOR_EVENTS, spotKey, event));
    EventEnvelope<SensorAlert> fence = sensorAlert(EventTypes.SENSOR_OFFLINE, null);
    send(Topics.OPERATOR_EVENTS, spotKey, fence);
    awaitFeed(fence.eventId(), 1);

    // then
    assertThat(events)
        .allSatisfy(
            event -> {
              int expected = event.type().startsWith("sensor.") ? 1 : 2;
              assertThat(feedOf(event.eventId())).hasSize(expected);
              assertThat(
                      jdbc.sql("SELECT count(*) FROM deliveries WHERE event_id = :eventId")
                          .param("eventId", event.eventId())
                          .query(Long.class)
                          .single())
                  .isEqualTo(1L);
            });
  }

  @Test
  void unreservedOccupancyNotifiesOperator() {
    // given the event as the booking service writes it
    UUID eventId = UUID.randomUUID();
    String json =
        """
        {"eventId": "%s", "type": "spot.unreserved-occupancy", "version": 1,
         "occurredAt": "2026-12-04T12:00:02Z", "aggregateId": "%d",
         "payload": {"lotId": 1, "floorId": 11, "spotId": %d, "sensorId": "%s",
                     "spotStatus": "available", "startedAt": "2026-12-04T12:00:00Z"}}
        """
            .formatted(eventId, spotId, spotId, sensorId);

    // when
    kafka.send(Topics.OPERATOR_EVENTS, spotKey, json).join();

    // then
    assertThat(awaitFeed(eventId, 1))
        .containsExactly(
            new FeedRow(
                OPERATOR_USER_ID,
                "UNRESERVED_OCCUPANCY_ALERT",
                "Sensor %s saw a car on spot %d (lot 1, floor 11) at %s, but no booking was due on it."
                    .formatted(sensorId, spotId, AT)));
    assertThat(deliveriesOf(eventId))
        .as("operator alerts send no e-mail, only the webhook of the lot's subscription")
        .containsExactly(new DeliveryRow("webhook", "lot-alerts"));
    awaitWebhookPost(eventId);
  }

  @Test
  void duplicateUnreservedOccupancyAddsNothing() {
    // given an occupancy that was notified and posted
    EventEnvelope<UnreservedOccupancy> occupancy = unreservedOccupancy(PlatformEvents.LOT_ID);
    send(Topics.OPERATOR_EVENTS, spotKey, occupancy);
    awaitFeed(occupancy.eventId(), 1);
    awaitWebhookPost(occupancy.eventId());

    // when Kafka delivers the same event again
    send(Topics.OPERATOR_EVENTS, spotKey, occupancy);
    EventEnvelope<UnreservedOccupancy> fence = unreservedOccupancy(PlatformEvents.LOT_ID);
    send(Topics.OPERATOR_EVENTS, spotKey, fence);
    awaitFeed(fence.eventId(), 1);
    awaitWebhookPost(fence.eventId());

    // then
    assertThat(feedOf(occupancy.eventId())).hasSize(1);
    assertThat(deliveriesOf(occupancy.eventId())).hasSize(1);
    assertThat(WEBHOOKS.requestsFor(occupancy.eventId().toString())).hasSize(1);
  }

  @Test
  void unreservedOccupancyWebhookIsSigned() throws Exception {
    // given
    EventEnvelope<UnreservedOccupancy> occupancy = unreservedOccupancy(PlatformEvents.LOT_ID);

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, occupancy);

    // then
    awaitWebhookPost(occupancy.eventId());
    WebhookReceiver.Request post = WEBHOOKS.requestsFor(occupancy.eventId().toString()).get(0);
    assertThat(post.signature())
        .isEqualTo("sha256=" + hmacSha256Hex(WEBHOOK_SECRET, post.timestamp() + "." + post.body()));
    assertThat(post.signature())
        .isNotEqualTo(
            "sha256=" + hmacSha256Hex("another-secret", post.timestamp() + "." + post.body()));
    assertThat(mapper.readTree(post.body()).get("type").asString())
        .isEqualTo(EventTypes.SPOT_UNRESERVED_OCCUPANCY);
    assertThat(mapper.readTree(post.body()).get("payload").get("spotId").asLong())
        .isEqualTo(spotId);
  }

  @Test
  void unreservedOccupancyOfOtherLotSendsNoWebhook() {
    // given the webhook subscription covers lot 1 only
    EventEnvelope<UnreservedOccupancy> occupancy = unreservedOccupancy(PlatformEvents.LOT_ID + 1);

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, occupancy);

    // then the deliveries are queued in the transaction that writes the feed row
    assertThat(awaitFeed(occupancy.eventId(), 1))
        .extracting(FeedRow::kind)
        .containsExactly("UNRESERVED_OCCUPANCY_ALERT");
    assertThat(deliveriesOf(occupancy.eventId())).isEmpty();
  }

  @Test
  void unreservedOccupancyWithoutSensorIsDeadLettered() {
    // given
    EventEnvelope<UnreservedOccupancy> occupancy =
        EventEnvelope.of(
            EventTypes.SPOT_UNRESERVED_OCCUPANCY,
            spotKey,
            new UnreservedOccupancy(
                PlatformEvents.LOT_ID, PlatformEvents.FLOOR_ID, spotId, null, "available", AT));

    // when
    send(Topics.OPERATOR_EVENTS, spotKey, occupancy);

    // then
    List<ConsumerRecord<String, String>> dead =
        awaitRecords(Topics.OPERATOR_EVENTS + Topics.DEAD_LETTER_SUFFIX, spotKey, 1);
    ConsumerRecord<String, String> deadLetter =
        dead.stream()
            .filter(record -> record.value().contains(occupancy.eventId().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(headerOf(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
        .isEqualTo(InvalidEventException.class.getName());
    assertThat(headerOf(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("lacks sensorId");
    assertThat(feedOf(occupancy.eventId())).isEmpty();
  }

  @Test
  void operatorFeedListsAlerts() throws Exception {
    // given
    EventEnvelope<SensorAlert> offline = sensorAlert(EventTypes.SENSOR_OFFLINE, null);
    send(Topics.OPERATOR_EVENTS, spotKey, offline);
    awaitFeed(offline.eventId(), 1);

    // when
    String feed =
        mockMvc
            .perform(
                get("/api/notifications")
                    .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(OPERATOR_USER_ID)))
            .andReturn()
            .getResponse()
            .getContentAsString();

    // then
    assertThat(feed).contains("SENSOR_OFFLINE").contains(sensorId);
  }

  private EventEnvelope<SensorAlert> sensorAlert(String type, Integer battery) {
    return EventEnvelope.of(
        type,
        spotKey,
        new SensorAlert(
            PlatformEvents.LOT_ID, PlatformEvents.FLOOR_ID, spotId, sensorId, battery, AT));
  }

  private EventEnvelope<BookingOverstayed> overstayed() {
    return EventEnvelope.of(
        EventTypes.BOOKING_OVERSTAYED,
        bookingId.toString(),
        new BookingOverstayed(
            bookingId,
            PlatformEvents.LOT_ID,
            PlatformEvents.FLOOR_ID,
            spotId,
            userId,
            PlatformEvents.END,
            AT));
  }

  private EventEnvelope<WrongSpotSuspected> wrongSpotSuspected() {
    return EventEnvelope.of(
        EventTypes.BOOKING_WRONG_SPOT_SUSPECTED,
        bookingId.toString(),
        new WrongSpotSuspected(
            bookingId,
            userId,
            PlatformEvents.LOT_ID,
            PlatformEvents.FLOOR_ID,
            spotId,
            spotId + 1,
            sensorId,
            AT));
  }

  private EventEnvelope<UnreservedOccupancy> unreservedOccupancy(long lotId) {
    return EventEnvelope.of(
        EventTypes.SPOT_UNRESERVED_OCCUPANCY,
        spotKey,
        new UnreservedOccupancy(lotId, PlatformEvents.FLOOR_ID, spotId, sensorId, "available", AT));
  }

  private List<FeedRow> awaitFeed(UUID eventId, int count) {
    await().untilAsserted(() -> assertThat(feedOf(eventId)).hasSize(count));
    return feedOf(eventId);
  }

  private List<FeedRow> feedOf(UUID eventId) {
    return jdbc.sql(
            "SELECT user_id, kind, message FROM notifications WHERE source_event_id = :eventId")
        .param("eventId", eventId)
        .query(FeedRow.class)
        .list();
  }

  private static String headerOf(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private List<DeliveryRow> deliveriesOf(UUID eventId) {
    return jdbc.sql("SELECT channel, target FROM deliveries WHERE event_id = :eventId")
        .param("eventId", eventId)
        .query(DeliveryRow.class)
        .list();
  }

  /** Computes the signature the way a webhook receiver checks it, independent of the sender. */
  private static String hmacSha256Hex(String secret, String payload)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private void awaitWebhookPost(UUID eventId) {
    await()
        .untilAsserted(
            () ->
                assertThat(WEBHOOKS.requestsFor(eventId.toString()))
                    .extracting(request -> request.status())
                    .containsExactly(204));
  }

  private record FeedRow(String userId, String kind, String message) {}

  private record DeliveryRow(String channel, String target) {}
}
