package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.payment.provider.SandboxPaymentProvider;
import io.parking.payment.provider.SandboxPaymentProvider.Fault;
import io.parking.payment.support.BearerTokens;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Bearer-token rules of the payment API: drivers read their own payments, operators place, capture
 * and refund any driver's payments, and the caller's id comes from the token's subject, never from
 * a header the caller sets.
 */
@ExtendWith(OutputCaptureExtension.class)
class PaymentSecurityTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  private static final String FORGED_HEADER = "X-User-Id";

  @Autowired private MockMvcTester mvc;
  @Autowired private PaymentRepository payments;
  @Autowired private SettlementRepository settlements;
  @Autowired private SandboxPaymentProvider provider;

  private final String driverA = "driver-a-" + UUID.randomUUID();
  private final String driverB = "driver-b-" + UUID.randomUUID();

  /** Returns one request to each payment endpoint, without credentials. */
  static List<Function<MockMvcTester, MockMvcRequestBuilder>> endpoints() {
    List<Function<MockMvcTester, MockMvcRequestBuilder>> all = new ArrayList<>(driverEndpoints());
    all.addAll(operatorEndpoints());
    return all;
  }

  /** Returns one request to each endpoint for drivers, without credentials. */
  static List<Function<MockMvcTester, MockMvcRequestBuilder>> driverEndpoints() {
    UUID id = UUID.randomUUID();
    return List.of(
        mvc -> mvc.get().uri("/api/payments?bookingId={id}", id),
        mvc -> mvc.get().uri("/api/payments/{id}", id),
        mvc -> mvc.get().uri("/api/payments/receipts?bookingId={id}", id));
  }

  /** Returns one request to each endpoint for operators, without credentials. */
  static List<Function<MockMvcTester, MockMvcRequestBuilder>> operatorEndpoints() {
    UUID id = UUID.randomUUID();
    return List.of(
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

  @ParameterizedTest
  @MethodSource("operatorEndpoints")
  void driverTokenOnOperatorEndpointIsForbidden(
      Function<MockMvcTester, MockMvcRequestBuilder> endpoint) {
    assertThat(endpoint.apply(mvc).header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driverA)))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sforbidden", "title": "Role not allowed", "status": 403}
            """
                .formatted(PROBLEMS));
  }

  @ParameterizedTest
  @MethodSource("driverEndpoints")
  void operatorTokenOnDriverEndpointIsForbidden(
      Function<MockMvcTester, MockMvcRequestBuilder> endpoint) {
    assertThat(
            endpoint
                .apply(mvc)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator("operator-1")))
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
  void driverCannotCaptureOrRefundOwnHold() {
    // given driver A's hold for two hours in lot 5, which charges 5.00 per hour
    UUID bookingId = UUID.randomUUID();
    long spotId = BookingEvents.newSpotId();
    sendBookingEvent(
        EventTypes.BOOKING_RESERVED,
        bookingId,
        spotId,
        BookingEvents.START.minus(Duration.ofHours(1)));
    Payment hold = awaitOnlyPayment(bookingId);
    assertThat(hold.getAmountMinor()).isEqualTo(1000);
    String tokenA = BearerTokens.driver(driverA);
    String captureKey = "capture-" + UUID.randomUUID();
    String refundKey = "refund-" + UUID.randomUUID();

    // when A captures 0.01 of it and requests a refund
    assertThat(
            mvc.post()
                .uri("/api/payments/{id}/captures", hold.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, tokenA)
                .header("Idempotency-Key", captureKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountMinor\": 1}"))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEMS + "forbidden");
    assertThat(
            mvc.post()
                .uri("/api/payments/{id}/refunds", hold.getPaymentId())
                .header(HttpHeaders.AUTHORIZATION, tokenA)
                .header("Idempotency-Key", refundKey))
        .hasStatus(HttpStatus.FORBIDDEN)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEMS + "forbidden");

    // then the hold is unchanged
    Payment unchanged = payments.findById(hold.getPaymentId()).orElseThrow();
    assertThat(unchanged.getStatus()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(unchanged.getCapturedMinor()).isZero();
    assertThat(unchanged.getCaptureKey()).isNull();
    assertThat(provider.calls())
        .filteredOn(
            call ->
                call.idempotencyKey().equals(captureKey) || call.idempotencyKey().equals(refundKey))
        .isEmpty();

    // and when A parks from the start for 2 h 10 min, within the 15 min of exit grace
    sendBookingEvent(EventTypes.BOOKING_ACTIVATED, bookingId, spotId, BookingEvents.START);
    sendBookingEvent(
        EventTypes.BOOKING_COMPLETED,
        bookingId,
        spotId,
        BookingEvents.START.plus(Duration.ofMinutes(130)));

    // then the settlement charges the full tariff of two hours from the hold
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(settlements.findById(bookingId))
                    .map(Settlement::getStatus)
                    .contains(Settlement.PAID));
    Settlement settlement = settlements.findById(bookingId).orElseThrow();
    assertThat(settlement.getAmountMinor()).isEqualTo(1000);
    assertThat(settlement.getHoldPartMinor()).isEqualTo(1000);
    assertThat(settlement.getExtraPartMinor()).isZero();
    Payment captured = payments.findById(hold.getPaymentId()).orElseThrow();
    assertThat(captured.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(captured.getCapturedMinor()).isEqualTo(1000);
  }

  @Test
  void forgedHeaderIsIgnoredOnAuthorise() {
    // given driver A's booking, whose hold from booking.reserved was declined
    UUID bookingId = UUID.randomUUID();
    provider.failNext(HoldService.authorisationKey(bookingId), Fault.DECLINE);
    placeHold(bookingId, driverA);

    // when an operator places a hold while naming driver B in the old header
    assertThat(
            mvc.post()
                .uri("/api/payments/authorisations")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator("operator-1"))
                .header(FORGED_HEADER, driverB)
                .header("Idempotency-Key", "key-" + bookingId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"bookingId\": \"%s\", \"amountMinor\": 500, \"currency\": \"EUR\"}"
                        .formatted(bookingId)))
        .hasStatus(HttpStatus.CREATED);

    // then the new hold is A's, the driver of the booking
    assertThat(payments.findByIdempotencyKey("key-" + bookingId))
        .map(Payment::getUserId)
        .contains(driverA);
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

  /** Sends a booking event of driver A's two-hour booking in lot 5. */
  private void sendBookingEvent(String type, UUID bookingId, long spotId, Instant occurredAt) {
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.event(type, bookingId, 5, spotId, driverA, Duration.ofHours(2), occurredAt));
  }

  private Payment awaitOnlyPayment(UUID bookingId) {
    await()
        .untilAsserted(
            () -> assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1));
    return payments.findByBookingIdOrderByCreatedAt(bookingId).get(0);
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
