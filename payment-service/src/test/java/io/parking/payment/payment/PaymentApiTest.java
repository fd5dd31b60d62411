package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.Topics;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

class PaymentApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";
  private static final String USER_ID = "X-User-Id";
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
    assertThat(mvc.get().uri("/api/payments?bookingId={id}", bookingId).header(USER_ID, DRIVER))
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
    assertThat(mvc.get().uri("/api/payments?bookingId={id}", bookingId).header(USER_ID, DRIVER))
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
                .header(USER_ID, DRIVER))
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
    assertThat(mvc.get().uri("/api/payments/{id}", payment.getPaymentId()).header(USER_ID, DRIVER))
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
    assertThat(mvc.get().uri("/api/payments/{id}", unknown).header(USER_ID, DRIVER))
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
    assertThat(mvc.get().uri("/api/payments/not-a-uuid").header(USER_ID, DRIVER))
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
    assertThat(mvc.get().uri("/api/payments?bookingId=12345").header(USER_ID, DRIVER))
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
    assertThat(mvc.get().uri("/api/payments").header(USER_ID, DRIVER))
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
  void listWithoutUserIdIsBadRequest() {
    // given
    UUID bookingId = UUID.randomUUID();
    placeHold(bookingId);

    // when / then
    assertThat(mvc.get().uri("/api/payments?bookingId={id}", bookingId))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-header", "title": "Invalid request header", "status": 400,
             "detail": "Header 'X-User-Id' is missing. Send the driver id in the X-User-Id header.",
             "errors": [{"field": "X-User-Id", "message": "is required"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void getWithoutUserIdIsBadRequest() {
    // given
    Payment payment = placeHold(UUID.randomUUID());

    // when / then
    assertThat(mvc.get().uri("/api/payments/{id}", payment.getPaymentId()))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-header", "title": "Invalid request header", "status": 400,
             "detail": "Header 'X-User-Id' is missing. Send the driver id in the X-User-Id header.",
             "errors": [{"field": "X-User-Id", "message": "is required"}]}
            """
                .formatted(PROBLEMS));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void listWithBlankUserIdIsBadRequest(String blank) {
    // given
    UUID bookingId = UUID.randomUUID();
    placeHold(bookingId);

    // when / then
    assertThat(mvc.get().uri("/api/payments?bookingId={id}", bookingId).header(USER_ID, blank))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-header", "status": 400,
             "detail": "Header 'X-User-Id' is blank. Send the driver id in the X-User-Id header.",
             "errors": [{"field": "X-User-Id", "message": "must not be blank"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void getWithBlankUserIdIsBadRequest() {
    // given
    Payment payment = placeHold(UUID.randomUUID());

    // when / then
    assertThat(mvc.get().uri("/api/payments/{id}", payment.getPaymentId()).header(USER_ID, " "))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-header", "status": 400,
             "errors": [{"field": "X-User-Id", "message": "must not be blank"}]}
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
                .header(USER_ID, OTHER_DRIVER))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%spayment-not-found", "title": "Payment not found", "status": 404,
             "detail": "No payment with id %s belongs to the driver in the X-User-Id header. Look up the payments of a booking with GET /api/payments?bookingId=...",
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
            mvc.get().uri("/api/payments?bookingId={id}", bookingId).header(USER_ID, OTHER_DRIVER))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isEqualTo("[]");
  }

  @Test
  void postIsMethodNotAllowed() {
    assertThat(mvc.post().uri("/api/payments"))
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
