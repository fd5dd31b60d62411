package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.Topics;
import io.parking.payment.support.BearerTokens;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class PaymentApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String DRIVER = "driver-api";
  private static final String OTHER_DRIVER = "driver-other";

  @Autowired private MockMvcTester mvc;
  @Autowired private PaymentRepository payments;

  @Test
  void listByBookingReturnsHold() {
    // given
    UUID bookingId = UUID.randomUUID();
    Payment payment = placeHold(bookingId);

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            [{"paymentId": "%s", "bookingId": "%s", "amountMinor": 500, "currency": "EUR",
              "method": "card", "status": "authorised", "idempotencyKey": "preauth:%s"}]
            """
                .formatted(payment.getPaymentId(), bookingId, bookingId));
  }

  @Test
  void listByBookingReturnsCreationTime() {
    // given
    UUID bookingId = UUID.randomUUID();
    Payment payment = placeHold(bookingId);

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .bodyJson()
        .extractingPath("$[0].createdAt")
        .asString()
        .startsWith(payment.getCreatedAt().toString().substring(0, 19));
  }

  @Test
  void listByUnknownBookingIsEmpty() {
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isEqualTo("[]");
  }

  @Test
  void getByIdReturnsPayment() {
    // given
    UUID bookingId = UUID.randomUUID();
    Payment payment = placeHold(bookingId);

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments/{id}", payment.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"paymentId": "%s", "bookingId": "%s", "amountMinor": 500, "status": "authorised"}
            """
                .formatted(payment.getPaymentId(), bookingId));
  }

  @Test
  void getByUnknownIdIsNotFound() {
    // given
    UUID unknown = UUID.randomUUID();

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments/{id}", unknown)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%spayment-not-found", "title": "Payment not found", "status": 404,
             "paymentId": "%s"}
            """
                .formatted(PROBLEMS, unknown));
  }

  @Test
  void getByMalformedIdIsBadRequest() {
    assertThat(
            mvc.get()
                .uri("/api/payments/not-a-uuid")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-request", "status": 400,
             "errors": [{"field": "paymentId"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void listByMalformedBookingIdIsBadRequest() {
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId=12345")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-request", "status": 400,
             "errors": [{"field": "bookingId", "message": "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void listWithoutBookingIdIsBadRequest() {
    assertThat(
            mvc.get()
                .uri("/api/payments")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-request", "status": 400,
             "errors": [{"field": "bookingId", "message": "is required"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void getOtherDriversPaymentIsNotFound() {
    // given
    Payment payment = placeHold(UUID.randomUUID());

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments/{id}", payment.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(OTHER_DRIVER)))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%spayment-not-found", "title": "Payment not found", "status": 404,
             "detail": "No payment with id %s belongs to the driver named by the bearer token. Look up the payments of a booking with GET /api/payments?bookingId=...",
             "paymentId": "%s"}
            """
                .formatted(PROBLEMS, payment.getPaymentId(), payment.getPaymentId()));
  }

  @Test
  void listOtherDriversBookingIsEmpty() {
    // given
    UUID bookingId = UUID.randomUUID();
    placeHold(bookingId);

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(OTHER_DRIVER)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isEqualTo("[]");
  }

  @Test
  void postIsMethodNotAllowed() {
    assertThat(
            mvc.post()
                .uri("/api/payments")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(DRIVER)))
        .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%smethod-not-allowed", "status": 405}
            """
                .formatted(PROBLEMS));
  }

  private Payment placeHold(UUID bookingId) {
    long spotId = BookingEvents.newSpotId();
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.reserved(bookingId, spotId, DRIVER, Duration.ofHours(2)));
    await()
        .untilAsserted(
            () -> assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1));
    return payments.findByBookingIdOrderByCreatedAt(bookingId).get(0);
  }
}
