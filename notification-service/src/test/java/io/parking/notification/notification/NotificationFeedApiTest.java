package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.Topics;
import io.parking.notification.support.BearerTokens;
import io.parking.notification.support.IntegrationTest;
import io.parking.notification.support.PlatformEvents;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class NotificationFeedApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  @Autowired private MockMvcTester mvc;
  @Autowired private NotificationRepository notifications;

  private final String driver = "driver-" + UUID.randomUUID();
  private final String otherDriver = "driver-" + UUID.randomUUID();
  private final UUID firstBooking = UUID.randomUUID();
  private final UUID secondBooking = UUID.randomUUID();
  private final UUID otherDriversBooking = UUID.randomUUID();

  /**
   * Sends the driver's reservation and cancellation of one booking, the driver's second booking and
   * another driver's booking.
   */
  @BeforeEach
  void notifyTwoDrivers() {
    String spotKey = "7" + Math.floorMod(firstBooking.getMostSignificantBits(), 100_000L);
    long spotId = Long.parseLong(spotKey);
    send(Topics.BOOKING_EVENTS, spotKey, PlatformEvents.reserved(firstBooking, spotId, driver));
    send(Topics.BOOKING_EVENTS, spotKey, PlatformEvents.cancelled(firstBooking, spotId, driver));
    send(Topics.BOOKING_EVENTS, spotKey, PlatformEvents.reserved(secondBooking, spotId, driver));
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        PlatformEvents.reserved(otherDriversBooking, spotId, otherDriver));
    await()
        .untilAsserted(
            () -> {
              assertThat(notifications.findByUserIdOrderByCreatedAtDesc(driver)).hasSize(3);
              assertThat(notifications.findByUserIdOrderByCreatedAtDesc(otherDriver)).hasSize(1);
            });
  }

  @Test
  void feedListsCallersNotificationsNewestFirst() {
    assertThat(
            mvc.get()
                .uri("/api/notifications")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"kind": "BOOKING_CONFIRMED", "bookingId": "%s"},
             {"kind": "BOOKING_CANCELLED", "bookingId": "%s"},
             {"kind": "BOOKING_CONFIRMED", "bookingId": "%s"}]
            """
                .formatted(secondBooking, firstBooking, firstBooking));
  }

  @Test
  void feedOmitsOtherDriversNotifications() {
    assertThat(
            mvc.get()
                .uri("/api/notifications")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(otherDriver)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"kind": "BOOKING_CONFIRMED", "bookingId": "%s"}]
            """
                .formatted(otherDriversBooking));
  }

  @Test
  void feedItemCarriesMessageAndIds() {
    Notification stored =
        notifications.findByUserIdAndBookingIdOrderByCreatedAtDesc(driver, secondBooking).get(0);

    assertThat(
            mvc.get()
                .uri("/api/notifications")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .bodyJson()
        .extractingPath("$[0]")
        .asMap()
        .containsEntry("notificationId", stored.getNotificationId().toString())
        .containsEntry("message", stored.getMessage())
        .containsKey("createdAt")
        .doesNotContainKey("userId");
  }

  @Test
  void feedFiltersByBooking() {
    assertThat(
            mvc.get()
                .uri("/api/notifications?bookingId={id}", firstBooking)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"kind": "BOOKING_CANCELLED", "bookingId": "%s"},
             {"kind": "BOOKING_CONFIRMED", "bookingId": "%s"}]
            """
                .formatted(firstBooking, firstBooking));
  }

  @Test
  void bookingFilterNeverCrossesDrivers() {
    assertThat(
            mvc.get()
                .uri("/api/notifications?bookingId={id}", otherDriversBooking)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isEqualTo("[]");
  }

  @Test
  void feedWithMalformedBookingIdIsBadRequest() {
    assertThat(
            mvc.get()
                .uri("/api/notifications?bookingId=nope")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-request", "status": 400,
             "errors": [{"field": "bookingId"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void deleteIsMethodNotAllowed() {
    assertThat(
            mvc.delete()
                .uri("/api/notifications")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%smethod-not-allowed", "status": 405}
            """
                .formatted(PROBLEMS));
  }
}
