package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.Topics;
import io.parking.payment.support.BearerTokens;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;

/**
 * Bearer-token rules of the payment API: only drivers call it, each about their own payments, and
 * the driver id comes from the token's subject, never from a header the caller sets.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentSecurityTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  private static final String FORGED_HEADER = "X-User-Id";

  @Autowired private MockMvcTester mvc;
  @Autowired private PaymentRepository payments;

  private final String driverA = "driver-a-" + UUID.randomUUID();
  private final String driverB = "driver-b-" + UUID.randomUUID();

  /** Returns one request to each payment endpoint, without credentials. */
  static List<Function<MockMvcTester, MockMvcRequestBuilder>> endpoints() {
    UUID id = UUID.randomUUID();
    return List.of(
        mvc -> mvc.get().uri("/api/payments?bookingId={id}", id),
        mvc -> mvc.get().uri("/api/payments/{id}", id),
        mvc -> mvc.get().uri("/api/payments/receipts?bookingId={id}", id),
        mvc ->
            mvc.post()
                .uri("/api/payments/authorisations")
                .header("Idempotency-Key", "key-" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"bookingId\": \"%s\", \"amountMinor\": 500, \"currency\": \"EUR\"}"
                        .formatted(id)),
        mvc ->
            mvc.post()
                .uri("/api/payments/{id}/captures", id)
                .header("Idempotency-Key", "key-" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountMinor\": 500}"),
        mvc ->
            mvc.post()
                .uri("/api/payments/{id}/refunds", id)
                .header("Idempotency-Key", "key-" + id));
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void missingTokenIsUnauthorized(Function<MockMvcTester, MockMvcRequestBuilder> endpoint) {
    assertThat(endpoint.apply(mvc).header(FORGED_HEADER, driverA))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .hasHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sunauthenticated", "title": "Authentication required", "status": 401}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void expiredTokenIsUnauthorized() {
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.expiredDriver(driverA)))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sunauthenticated", "status": 401}
            """
                .formatted(PROBLEMS))
        .extractingPath("$.detail")
        .asString()
        .contains("expired");
  }

  @Test
  void wronglySignedTokenIsUnauthorized() {
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driverSignedWithOtherKey(driverA)))
        .hasStatus(HttpStatus.UNAUTHORIZED)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sunauthenticated", "status": 401}
            """
                .formatted(PROBLEMS));
  }

  @ParameterizedTest
  @MethodSource("endpoints")
  void kioskTokenIsForbidden(Function<MockMvcTester, MockMvcRequestBuilder> endpoint) {
    assertThat(endpoint.apply(mvc).header(HttpHeaders.AUTHORIZATION, BearerTokens.kiosk("kiosk-1")))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sforbidden", "title": "Role not allowed", "status": 403}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void pathsOutsideApiAreDenied() {
    String token = BearerTokens.driver(driverA);

    assertThat(mvc.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, token))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/internal/payments").header(HttpHeaders.AUTHORIZATION, token))
        .hasStatus(HttpStatus.FORBIDDEN);
    assertThat(mvc.get().uri("/actuator/health")).hasStatus(HttpStatus.OK);
  }

  @Test
  void forgedHeaderIsIgnoredOnReads() {
    // given a hold of driver A
    UUID bookingId = UUID.randomUUID();
    Payment payment = placeHold(bookingId, driverA);

    // when driver B names driver A in the old header
    String tokenB = BearerTokens.driver(driverB);

    // then B gets B's own payments only
    assertThat(
            mvc.get()
                .uri("/api/payments/{id}", payment.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, tokenB)
                .header(FORGED_HEADER, driverA))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, tokenB)
                .header(FORGED_HEADER, driverA))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isEqualTo("[]");
    assertThat(
            mvc.get()
                .uri("/api/payments?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$[0].paymentId")
        .isEqualTo(payment.getPaymentId().toString());
  }

  @Test
  void otherDriverCannotCaptureOrRefund() {
    // given a hold of driver A
    Payment payment = placeHold(UUID.randomUUID(), driverA);
    String tokenB = BearerTokens.driver(driverB);

    // when / then
    assertThat(
            mvc.post()
                .uri("/api/payments/{id}/captures", payment.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, tokenB)
                .header(FORGED_HEADER, driverA)
                .header("Idempotency-Key", "capture-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountMinor\": 100}"))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(
            mvc.post()
                .uri("/api/payments/{id}/refunds", payment.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, tokenB)
                .header("Idempotency-Key", "refund-" + UUID.randomUUID()))
        .hasStatus(HttpStatus.NOT_FOUND);
    assertThat(payments.findById(payment.getPaymentId()))
        .map(Payment::getStatus)
        .contains(PaymentStatus.AUTHORISED);
  }

  @Test
  void forgedHeaderIsIgnoredOnAuthorise() {
    // given
    UUID bookingId = UUID.randomUUID();

    // when driver A authorises while naming driver B in the old header
    assertThat(
            mvc.post()
                .uri("/api/payments/authorisations")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA))
                .header(FORGED_HEADER, driverB)
                .header("Idempotency-Key", "key-" + bookingId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"bookingId\": \"%s\", \"amountMinor\": 500, \"currency\": \"EUR\"}"
                        .formatted(bookingId)))
        .hasStatus(HttpStatus.CREATED);

    // then the hold is A's
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId))
        .singleElement()
        .extracting(Payment::getUserId)
        .isEqualTo(driverA);
  }

  @Test
  void apiDocsAskForNoDriverParameter() {
    assertThat(mvc.get().uri("/v3/api-docs"))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$.paths['/api/payments/{paymentId}'].get.parameters[*].name")
        .asArray()
        .containsExactly("paymentId");
  }

  @Test
  void logLinesCarryCorrelationId(CapturedOutput output) {
    // given
    String correlationId = "test-" + UUID.randomUUID();

    // when a request without a token is rejected, which the security chain logs
    mvc.get()
        .uri("/api/payments/{id}", UUID.randomUUID())
        .header("X-Correlation-Id", correlationId)
        .exchange();

    // then
    assertThat(output.getOut())
        .containsPattern(
            "\\[payment-service," + correlationId + "\\] .*Rejected GET /api/payments/.* 401");
  }

  private Payment placeHold(UUID bookingId, String userId) {
    long spotId = BookingEvents.newSpotId();
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2)));
    await()
        .untilAsserted(
            () -> assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1));
    return payments.findByBookingIdOrderByCreatedAt(bookingId).get(0);
  }
}
