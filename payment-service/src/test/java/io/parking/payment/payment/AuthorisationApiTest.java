package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.payment.provider.SandboxPaymentProvider;
import io.parking.payment.provider.SandboxPaymentProvider.Fault;
import io.parking.payment.provider.SandboxPaymentProvider.Operation;
import io.parking.payment.support.BearerTokens;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class AuthorisationApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  @Autowired private MockMvcTester mvc;
  @Autowired private SandboxPaymentProvider provider;
  @Autowired private PaymentRepository payments;

  private final UUID bookingId = UUID.randomUUID();
  private final String driver = "driver-" + UUID.randomUUID();
  private final String key = "key-" + UUID.randomUUID();

  @Test
  void sameKeyAuthorisesOnceAcrossTimeoutAndConcurrency() throws Exception {
    // given the processor applies the first request but its response is lost
    provider.failNext(key, Fault.TIMEOUT);
    assertThat(authorise(key, 1000))
        .hasStatus(HttpStatus.GATEWAY_TIMEOUT)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEMS + "payment-provider-timeout");

    // when two retries with the same key race
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<CompletableFuture<MvcTestResult>> answers;
    try {
      answers =
          List.of(
              CompletableFuture.supplyAsync(() -> authoriseAfter(start), pool),
              CompletableFuture.supplyAsync(() -> authoriseAfter(start), pool));
      start.countDown();
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }

    // then
    List<String> paymentIds =
        answers.stream().map(CompletableFuture::join).map(this::paymentIdOf).toList();
    assertThat(paymentIds).hasSize(2).doesNotContainNull();
    assertThat(paymentIds.get(0)).isEqualTo(paymentIds.get(1));
    assertThat(provider.calls())
        .filteredOn(call -> call.idempotencyKey().equals(key))
        .extracting(SandboxPaymentProvider.Call::operation)
        .containsExactly(Operation.AUTHORISE);
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1);
  }

  @Test
  void sameKeyAndBodyReturnsSamePayment() {
    // given
    String first = paymentIdOf(authorise(key, 1000));

    // when
    MvcTestResult again = authorise(key, 1000);

    // then
    assertThat(again).hasStatus(HttpStatus.CREATED);
    assertThat(paymentIdOf(again)).isEqualTo(first);
  }

  @Test
  void sameKeyWithOtherAmountIsUnprocessable() {
    // given
    authorise(key, 1000);

    // when / then
    assertThat(authorise(key, 1200))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEMS + "idempotency-key-reused");
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1);
  }

  @Test
  void otherKeyForLiveHoldIsConflict() {
    // given
    authorise(key, 1000);

    // when / then
    assertThat(authorise("other-" + key, 1000))
        .hasStatus(HttpStatus.CONFLICT)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEMS + "payment-conflict");
    assertThat(provider.calls())
        .filteredOn(call -> call.idempotencyKey().equals("other-" + key))
        .isEmpty();
  }

  @Test
  void missingIdempotencyKeyIsBadRequest() {
    assertThat(
            mvc.post()
                .uri("/api/payments/authorisations")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(1000)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-header", "errors": [{"field": "Idempotency-Key"}]}
            """
                .formatted(PROBLEMS));
  }

  @Test
  void missingAmountIsBadRequest() {
    assertThat(
            mvc.post()
                .uri("/api/payments/authorisations")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"bookingId\": \"%s\", \"currency\": \"EUR\"}".formatted(bookingId)))
        .hasStatus(HttpStatus.BAD_REQUEST)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sinvalid-request", "errors": [{"field": "amountMinor"}]}
            """
                .formatted(PROBLEMS));
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).isEmpty();
  }

  @Test
  void captureAfterCancellationIsConflict() {
    // given
    long spotId = BookingEvents.newSpotId();
    String spotKey = Long.toString(spotId);
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.reserved(bookingId, spotId, driver, Duration.ofHours(2)));
    send(Topics.BOOKING_EVENTS, spotKey, BookingEvents.cancelled(bookingId, spotId, driver));
    awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 2);
    Payment hold = payments.findByBookingIdOrderByCreatedAt(bookingId).get(0);

    // when
    MvcTestResult capture =
        mvc.post()
            .uri("/api/payments/{id}/captures", hold.getPaymentId())
            .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
            .header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amountMinor\": 500}")
            .exchange();

    // then
    assertThat(capture)
        .hasStatus(HttpStatus.CONFLICT)
        .bodyJson()
        .extractingPath("$.detail")
        .asString()
        .contains("voided");
    assertThat(provider.calls())
        .filteredOn(call -> call.idempotencyKey().equals("void:" + bookingId))
        .hasSize(1);
    assertThat(provider.calls())
        .filteredOn(call -> call.operation() == Operation.CAPTURE)
        .filteredOn(call -> call.idempotencyKey().equals(key))
        .isEmpty();
    assertThat(payments.findById(hold.getPaymentId()))
        .map(Payment::getStatus)
        .contains(PaymentStatus.VOIDED);
  }

  @Test
  void captureTakesPartOfClientHold() {
    // given
    String paymentId = paymentIdOf(authorise(key, 1000));

    // when
    MvcTestResult capture =
        mvc.post()
            .uri("/api/payments/{id}/captures", paymentId)
            .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
            .header("Idempotency-Key", "capture-" + key)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"amountMinor\": 700}")
            .exchange();

    // then
    assertThat(capture)
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"paymentId": "%s", "status": "captured", "capturedMinor": 700, "amountMinor": 1000}
            """
                .formatted(paymentId));
    await()
        .untilAsserted(
            () ->
                assertThat(
                        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 2).get(1).value())
                    .contains(EventTypes.PAYMENT_CAPTURED));
  }

  @Test
  void refundPaysCaptureBackOnce() {
    // given
    String paymentId = paymentIdOf(authorise(key, 1000));
    mvc.post()
        .uri("/api/payments/{id}/captures", paymentId)
        .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
        .header("Idempotency-Key", "capture-" + key)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"amountMinor\": 700}")
        .exchange();

    // when the refund is requested twice with one key
    MvcTestResult first = refund(paymentId, "refund-" + key);
    MvcTestResult second = refund(paymentId, "refund-" + key);

    // then
    assertThat(first)
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .extractingPath("$.status")
        .isEqualTo("refunded");
    assertThat(second).hasStatus(HttpStatus.OK);
    assertThat(provider.calls())
        .filteredOn(call -> call.operation() == Operation.REFUND)
        .filteredOn(call -> call.idempotencyKey().equals("refund-" + key))
        .extracting(SandboxPaymentProvider.Call::amountMinor)
        .containsExactly(700L);
  }

  @Test
  void refundOfUncapturedHoldIsConflict() {
    // given
    String paymentId = paymentIdOf(authorise(key, 1000));

    // when / then
    assertThat(refund(paymentId, "refund-" + key)).hasStatus(HttpStatus.CONFLICT);
  }

  private MvcTestResult refund(String paymentId, String idempotencyKey) {
    return mvc.post()
        .uri("/api/payments/{id}/refunds", paymentId)
        .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
        .header("Idempotency-Key", idempotencyKey)
        .exchange();
  }

  private MvcTestResult authoriseAfter(CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return authorise(key, 1000);
  }

  private MvcTestResult authorise(String idempotencyKey, long amountMinor) {
    return mvc.post()
        .uri("/api/payments/authorisations")
        .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver))
        .header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body(amountMinor))
        .exchange();
  }

  private String body(long amountMinor) {
    return """
        {"bookingId": "%s", "amountMinor": %d, "currency": "EUR"}
        """
        .formatted(bookingId, amountMinor);
  }

  private String paymentIdOf(MvcTestResult result) {
    assertThat(result).hasStatus(HttpStatus.CREATED);
    return mapper
        .readTree(result.getResponse().getContentAsByteArray())
        .get("paymentId")
        .asString();
  }
}
