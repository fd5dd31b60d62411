package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The operator endpoints: holds, captures and refunds with an {@code Idempotency-Key}. Holds are
 * placed on bookings whose hold from {@code booking.reserved} was declined, the case an operator
 * places one for.
 */
class AuthorisationApiTest extends IntegrationTest {

  private static final String PROBLEMS = "https://parking.example/problems/";

  @Autowired private MockMvcTester mvc;
  @Autowired private SandboxPaymentProvider provider;
  @Autowired private PaymentRepository payments;

  private final UUID bookingId = UUID.randomUUID();
  private final String driver = "driver-" + UUID.randomUUID();
  private final String operator = "operator-" + UUID.randomUUID();
  private final String key = "key-" + UUID.randomUUID();

  @Test
  void sameKeyAuthorisesOnceAcrossTimeoutAndConcurrency() throws Exception {
    // given the processor applies the first request but its response is lost
    reserveWithDeclinedHold();
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
    assertThat(paymentsUnderKey(key)).hasSize(1);
  }

  @Test
  void sameKeyAndBodyReturnsSamePayment() {
    // given
    reserveWithDeclinedHold();
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
    reserveWithDeclinedHold();
    authorise(key, 1000);

    // when / then
    assertThat(authorise(key, 1200))
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo(PROBLEMS + "idempotency-key-reused");
    assertThat(paymentsUnderKey(key)).hasSize(1);
  }

  @Test
  void otherKeyForLiveHoldIsConflict() {
    // given
    reserveWithDeclinedHold();
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
  void operatorHoldBelongsToBookingsDriver() {
    // given
    reserveWithDeclinedHold();

    // when
    String paymentId = paymentIdOf(authorise(key, 1000));

    // then the hold is the driver's, not the operator's
    Payment hold = payments.findById(UUID.fromString(paymentId)).orElseThrow();
    assertThat(hold.getUserId()).isEqualTo(driver);
    assertThat(hold.getStatus()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(
            mvc.get()
                .uri("/api/payments/{id}", paymentId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"paymentId": "%s", "amountMinor": 1000, "status": "authorised", "idempotencyKey": "%s"}
            """
                .formatted(paymentId, key));
  }

  @Test
  void holdForUnknownBookingIsNotFound() {
    assertThat(authorise(key, 1000))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%sbooking-not-found", "title": "Booking not found", "status": 404,
             "bookingId": "%s"}
            """
                .formatted(PROBLEMS, bookingId))
        .extractingPath("$.detail")
        .asString()
        .contains("booking.reserved");
    assertThat(provider.calls()).filteredOn(call -> call.idempotencyKey().equals(key)).isEmpty();
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).isEmpty();
  }

  @Test
  void holdInOtherCurrencyIsUnprocessable() {
    // given a booking priced in EUR
    reserveWithDeclinedHold();

    // when
    MvcTestResult result = authorise(key, 100_000, "JPY");

    // then
    assertThat(result)
        .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"type": "%scurrency-mismatch", "status": 422}
            """
                .formatted(PROBLEMS))
        .extractingPath("$.detail")
        .asString()
        .contains("Field currency is JPY")
        .contains("Send currency EUR");
    assertThat(provider.calls()).filteredOn(call -> call.idempotencyKey().equals(key)).isEmpty();
    assertThat(paymentsUnderKey(key)).isEmpty();
  }

  @Test
  void missingIdempotencyKeyIsBadRequest() {
    assertThat(
            mvc.post()
                .uri("/api/payments/authorisations")
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(operator))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(1000, "EUR")))
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
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(operator))
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
    MvcTestResult capture = capture(hold.getPaymentId().toString(), key, 500);

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
    reserveWithDeclinedHold();
    String paymentId = paymentIdOf(authorise(key, 1000));

    // when
    MvcTestResult capture = capture(paymentId, "capture-" + key, 700);

    // then the events are the declined hold, the operator's hold and its capture
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
                        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 3).get(2).value())
                    .contains(EventTypes.PAYMENT_CAPTURED));
  }

  @Test
  void refundPaysCaptureBackOnce() {
    // given
    reserveWithDeclinedHold();
    String paymentId = paymentIdOf(authorise(key, 1000));
    assertThat(capture(paymentId, "capture-" + key, 700)).hasStatus(HttpStatus.OK);

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
    reserveWithDeclinedHold();
    String paymentId = paymentIdOf(authorise(key, 1000));

    // when / then
    assertThat(refund(paymentId, "refund-" + key)).hasStatus(HttpStatus.CONFLICT);
    assertThat(payments.findById(UUID.fromString(paymentId)))
        .map(Payment::getStatus)
        .contains(PaymentStatus.AUTHORISED);
  }

  @Test
  void operatorCapturesAndRefundsDriversHold() {
    // given the driver's hold of 5.00 from booking.reserved
    long spotId = BookingEvents.newSpotId();
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.reserved(bookingId, spotId, driver, Duration.ofHours(2)));
    Payment hold = awaitOnlyPayment(PaymentStatus.AUTHORISED);
    String paymentId = hold.getPaymentId().toString();

    // when the operator captures 3.00 of it and refunds the capture
    MvcTestResult capture = capture(paymentId, "capture-" + key, 300);
    MvcTestResult refund = refund(paymentId, "refund-" + key);

    // then both acted for the driver
    assertThat(capture)
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"paymentId": "%s", "status": "captured", "capturedMinor": 300, "amountMinor": 500}
            """
                .formatted(paymentId));
    assertThat(refund)
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"paymentId": "%s", "status": "refunded", "capturedMinor": 300}
            """
                .formatted(paymentId));
    Payment refunded = payments.findById(hold.getPaymentId()).orElseThrow();
    assertThat(refunded.getUserId()).isEqualTo(driver);
    assertThat(refunded.getStatus()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(provider.calls())
        .filteredOn(call -> call.idempotencyKey().equals("refund-" + key))
        .extracting(SandboxPaymentProvider.Call::amountMinor)
        .containsExactly(300L);
    List<EventEnvelope<PaymentChanged>> events =
        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 3).stream()
            .map(this::readPayment)
            .toList();
    assertThat(events)
        .extracting(EventEnvelope::type)
        .containsExactly(
            EventTypes.PAYMENT_AUTHORISED,
            EventTypes.PAYMENT_CAPTURED,
            EventTypes.PAYMENT_REFUNDED);
    assertThat(events).extracting(event -> event.payload().userId()).containsOnly(driver);
  }

  @Test
  void operatorOnUnknownPaymentIsNotFound() {
    // given
    String unknown = UUID.randomUUID().toString();
    String expected =
        """
        {"type": "%spayment-not-found", "title": "Payment not found", "status": 404,
         "detail": "No payment with id %s exists. Check the id: the payment.* events of the booking on topic parking.payment.events carry it.",
         "paymentId": "%s"}
        """
            .formatted(PROBLEMS, unknown, unknown);

    // when / then
    assertThat(capture(unknown, "capture-" + key, 100))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .isLenientlyEqualTo(expected);
    assertThat(refund(unknown, "refund-" + key))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .isLenientlyEqualTo(expected);
    assertThat(provider.calls()).filteredOn(call -> call.idempotencyKey().endsWith(key)).isEmpty();
  }

  /**
   * Reserves the booking for the driver with a hold that the processor declines, so the booking has
   * no live hold and an operator may place one.
   */
  private void reserveWithDeclinedHold() {
    provider.failNext(HoldService.authorisationKey(bookingId), Fault.DECLINE);
    long spotId = BookingEvents.newSpotId();
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.reserved(bookingId, spotId, driver, Duration.ofHours(2)));
    awaitOnlyPayment(PaymentStatus.FAILED);
  }

  private Payment awaitOnlyPayment(PaymentStatus status) {
    await()
        .untilAsserted(
            () ->
                assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId))
                    .singleElement()
                    .extracting(Payment::getStatus)
                    .isEqualTo(status));
    return payments.findByBookingIdOrderByCreatedAt(bookingId).get(0);
  }

  private List<Payment> paymentsUnderKey(String idempotencyKey) {
    return payments.findByBookingIdOrderByCreatedAt(bookingId).stream()
        .filter(payment -> payment.getIdempotencyKey().equals(idempotencyKey))
        .toList();
  }

  private MvcTestResult capture(String paymentId, String idempotencyKey, long amountMinor) {
    return mvc.post()
        .uri("/api/payments/{id}/captures", paymentId)
        .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(operator))
        .header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"amountMinor\": %d}".formatted(amountMinor))
        .exchange();
  }

  private MvcTestResult refund(String paymentId, String idempotencyKey) {
    return mvc.post()
        .uri("/api/payments/{id}/refunds", paymentId)
        .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(operator))
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
    return authorise(idempotencyKey, amountMinor, "EUR");
  }

  private MvcTestResult authorise(String idempotencyKey, long amountMinor, String currency) {
    return mvc.post()
        .uri("/api/payments/authorisations")
        .header(HttpHeaders.AUTHORIZATION, BearerTokens.operator(operator))
        .header("Idempotency-Key", idempotencyKey)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body(amountMinor, currency))
        .exchange();
  }

  private String body(long amountMinor, String currency) {
    return """
        {"bookingId": "%s", "amountMinor": %d, "currency": "%s"}
        """
        .formatted(bookingId, amountMinor, currency);
  }

  private String paymentIdOf(MvcTestResult result) {
    assertThat(result).hasStatus(HttpStatus.CREATED);
    return mapper
        .readTree(result.getResponse().getContentAsByteArray())
        .get("paymentId")
        .asString();
  }

  private EventEnvelope<PaymentChanged> readPayment(ConsumerRecord<String, String> record) {
    return mapper.readValue(
        record.value(),
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, PaymentChanged.class));
  }
}
