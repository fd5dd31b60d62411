package io.parking.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.PaymentReceipt;
import io.parking.events.Topics;
import io.parking.notification.support.BearerTokens;
import io.parking.notification.support.IntegrationTest;
import io.parking.notification.support.PlatformEvents;
import io.parking.notification.support.WebhookReceiver;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class DeliveryIntegrationTest extends IntegrationTest {

  @Autowired private DeliveryRepository deliveries;
  @Autowired private MockMvcTester mvc;

  private final UUID bookingId = UUID.randomUUID();
  private final long spotId = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000L);
  private final String spotKey = Long.toString(spotId);
  private final String userId = "driver-" + UUID.randomUUID();
  private final String address = userId + "@drivers.parking.example";

  @Test
  void repeatedReceiptEventSendsOneEmail() throws Exception {
    // given
    EventEnvelope<PaymentReceipt> receipt = PlatformEvents.receipt(bookingId, spotId, userId);

    // when the same event arrives twice
    send(Topics.PAYMENT_EVENTS, bookingId.toString(), receipt);
    send(Topics.PAYMENT_EVENTS, bookingId.toString(), receipt);
    awaitPaymentTopicPast();

    // then
    await().untilAsserted(() -> assertThat(mailsTo(address)).hasSize(1));
    MimeMessage mail = mailsTo(address).get(0);
    assertThat(mail.getSubject()).isEqualTo("Your parking receipt");
    String text = mail.getContent().toString();
    assertThat(text).contains("Total: 10.00 EUR");
    assertThat(text).contains("First 60 min: 5.00 EUR");
    assertThat(text).contains("Parked: 2026-12-04T09:00:00Z to 2026-12-04T11:10:00Z");
    // The status commits just after the SMTP server accepted the message.
    await()
        .untilAsserted(
            () ->
                assertThat(deliveries.findByEventId(receipt.eventId()))
                    .singleElement()
                    .extracting(Delivery::getStatus)
                    .isEqualTo(Delivery.DELIVERED));
  }

  @Test
  void confirmedBookingEmailAppearsInHistory() {
    // given
    EventEnvelope<BookingChanged> reserved = PlatformEvents.reserved(bookingId, spotId, userId);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // then
    await().untilAsserted(() -> assertThat(mailsTo(address)).hasSize(1));
    await()
        .untilAsserted(
            () ->
                assertThat(
                        mvc.get()
                            .uri("/api/notifications/deliveries")
                            .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(userId)))
                    .hasStatus(HttpStatus.OK)
                    .bodyJson()
                    .isLenientlyEqualTo(
                        """
                        [{"eventId": "%s", "eventType": "booking.reserved", "channel": "email",
                          "subject": "Booking confirmed", "status": "delivered", "attempts": 1}]
                        """
                            .formatted(reserved.eventId())));
  }

  @Test
  void webhookFailingTwiceGetsEventOnceSigned() {
    // given
    EventEnvelope<BookingChanged> completed = PlatformEvents.completed(bookingId, spotId, userId);
    String eventId = completed.eventId().toString();
    WEBHOOKS.failFirst(eventId, 2);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, completed);

    // then
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(WEBHOOKS.requestsFor(eventId)).hasSize(3));
    List<WebhookReceiver.Request> posts = WEBHOOKS.requestsFor(eventId);
    assertThat(posts).extracting(WebhookReceiver.Request::status).containsExactly(503, 503, 204);
    WebhookReceiver.Request accepted = posts.get(2);
    assertThat(accepted.signature())
        .isEqualTo(
            "sha256="
                + WebhookSender.sign(WEBHOOK_SECRET, accepted.timestamp() + "." + accepted.body()));
    assertThat(mapper.readTree(accepted.body()).get("eventId").asString()).isEqualTo(eventId);
    await()
        .untilAsserted(
            () ->
                assertThat(deliveries.findByEventId(completed.eventId()))
                    .singleElement()
                    .satisfies(
                        delivery -> {
                          assertThat(delivery.getStatus()).isEqualTo(Delivery.DELIVERED);
                          assertThat(delivery.getAttempts()).isEqualTo(3);
                          assertThat(delivery.getTarget()).isEqualTo("ops");
                        }));
  }

  @Test
  void webhookFailingEveryAttemptIsDeadLettered() {
    // given
    EventEnvelope<BookingChanged> completed = PlatformEvents.completed(bookingId, spotId, userId);
    String eventId = completed.eventId().toString();
    WEBHOOKS.failFirst(eventId, 100);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, completed);

    // then four attempts in all
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(deliveries.findByEventId(completed.eventId()))
                    .singleElement()
                    .extracting(Delivery::getStatus)
                    .isEqualTo(Delivery.DEAD));
    Delivery dead = deliveries.findByEventId(completed.eventId()).get(0);
    assertThat(dead.getAttempts()).isEqualTo(4);
    assertThat(dead.getLastError()).contains("503");
    assertThat(WEBHOOKS.requestsFor(eventId)).hasSize(4);
  }

  @Test
  void unsubscribedEventTypeSendsNoWebhook() {
    // given
    EventEnvelope<BookingChanged> reserved = PlatformEvents.reserved(bookingId, spotId, userId);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // then only the e-mail is queued
    await()
        .untilAsserted(
            () ->
                assertThat(deliveries.findByEventId(reserved.eventId()))
                    .extracting(Delivery::getChannel)
                    .containsExactly(Delivery.EMAIL));
    assertThat(WEBHOOKS.requestsFor(reserved.eventId().toString())).isEmpty();
  }

  /**
   * Waits until the consumer is past the events sent so far on the booking's payment partition:
   * sends an authorisation of the same booking and waits for its in-app notification.
   */
  private void awaitPaymentTopicPast() {
    EventEnvelope<?> fence = PlatformEvents.authorised(bookingId, userId, 500, "EUR");
    send(Topics.PAYMENT_EVENTS, bookingId.toString(), fence);
    await()
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :id")
                            .param("id", fence.eventId())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1));
  }

  private List<MimeMessage> mailsTo(String recipient) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(message -> isAddressedTo(message, recipient))
        .filter(
            message ->
                subjectOf(message).equals("Your parking receipt")
                    || subjectOf(message).equals("Booking confirmed"))
        .toList();
  }

  private static boolean isAddressedTo(MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(address -> address.toString().equals(recipient));
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
