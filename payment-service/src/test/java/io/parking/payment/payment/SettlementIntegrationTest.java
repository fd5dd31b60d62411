package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.PaymentReceipt;
import io.parking.events.Topics;
import io.parking.payment.provider.SandboxPaymentProvider;
import io.parking.payment.provider.SandboxPaymentProvider.Fault;
import io.parking.payment.provider.SandboxPaymentProvider.Operation;
import io.parking.payment.support.BearerTokens;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Lot 5 charges 5.00 per hour with 15 minutes of exit grace and 20.00 a day at most. */
class SettlementIntegrationTest extends IntegrationTest {

  private static final long LOT = 5;

  @Autowired private PaymentRepository payments;
  @Autowired private SettlementRepository settlements;
  @Autowired private SandboxPaymentProvider provider;
  @Autowired private MockMvcTester mvc;
  @Autowired private AuthorisationService authorisations;

  private final UUID bookingId = UUID.randomUUID();
  private final long spotId = BookingEvents.newSpotId();
  private final String spotKey = Long.toString(spotId);
  private final String driver = "driver-" + UUID.randomUUID();

  @Test
  void exitWithinGraceCapturesBookedHours() {
    // given two hours held at 5.00 per hour, checked in at the start
    reserve(Duration.ofHours(2));
    send(EventTypes.BOOKING_ACTIVATED, Duration.ofHours(2), BookingEvents.START);

    // when the driver leaves after 2 h 10 min
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(2),
        BookingEvents.START.plus(Duration.ofMinutes(130)));

    // then
    Settlement settlement = awaitSettlement(Settlement.PAID);
    assertThat(settlement.getAmountMinor()).isEqualTo(1000);
    assertThat(settlement.getExtraPartMinor()).isZero();
    Payment hold = holdOf(bookingId);
    assertThat(hold.getAmountMinor()).isEqualTo(1000);
    assertThat(hold.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(hold.getCapturedMinor()).isEqualTo(1000);
    assertThat(callsWithKey("capture:" + bookingId))
        .extracting(SandboxPaymentProvider.Call::amountMinor)
        .containsExactly(1000L);
  }

  @Test
  void receiptShowsTimesAndBreakdown() {
    // given
    reserve(Duration.ofHours(2));
    Instant exit = BookingEvents.START.plus(Duration.ofMinutes(130));
    send(EventTypes.BOOKING_COMPLETED, Duration.ofHours(2), exit);
    awaitSettlement(Settlement.PAID);

    // when / then
    assertThat(
            mvc.get()
                .uri("/api/payments/receipts?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver(driver)))
        .hasStatus(HttpStatus.OK)
        .bodyJson()
        .isLenientlyEqualTo(
            """
            {"bookingId": "%s", "status": "paid", "reason": "completed", "spotId": %d,
             "lotId": 5, "amountMinor": 1000, "currency": "EUR",
             "windowStart": "2026-12-04T09:00:00Z", "windowEnd": "2026-12-04T11:00:00Z",
             "entryTime": "2026-12-04T09:00:00Z", "exitTime": "2026-12-04T11:10:00Z",
             "lines": [
               {"description": "Exit grace of 15 min deducted", "amountMinor": 0},
               {"description": "First 60 min", "amountMinor": 500},
               {"description": "1 x 60 min at 500 per hour", "amountMinor": 500}]}
            """
                .formatted(bookingId, spotId));
    assertThat(
            mvc.get()
                .uri("/api/payments/receipts?bookingId={id}", bookingId)
                .header(HttpHeaders.AUTHORIZATION, BearerTokens.driver("driver-other"))
                .header("X-User-Id", driver))
        .hasStatus(HttpStatus.NOT_FOUND)
        .bodyJson()
        .extractingPath("$.type")
        .isEqualTo("https://parking.example/problems/receipt-not-found");
  }

  @Test
  void dailyMaximumCapsLongStay() {
    // given
    reserve(Duration.ofHours(30));

    // when
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(30),
        BookingEvents.START.plus(Duration.ofHours(30)));

    // then one full day and six hours, each capped at 20.00
    assertThat(awaitSettlement(Settlement.PAID).getAmountMinor()).isEqualTo(4000);
    assertThat(holdOf(bookingId).getCapturedMinor()).isEqualTo(4000);
  }

  @Test
  void overstayChargesDifferenceSeparately() {
    // given one hour held (5.00)
    reserve(Duration.ofHours(1));

    // when the driver leaves after three hours: 2 h 45 min billed, 15.00
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(1),
        BookingEvents.START.plus(Duration.ofHours(3)));

    // then
    Settlement settlement = awaitSettlement(Settlement.PAID);
    assertThat(settlement.getAmountMinor()).isEqualTo(1500);
    assertThat(settlement.getHoldPartMinor()).isEqualTo(500);
    assertThat(settlement.getExtraPartMinor()).isEqualTo(1000);
    assertThat(holdOf(bookingId).getCapturedMinor()).isEqualTo(500);
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId))
        .filteredOn(payment -> payment.getKind().equals(Payment.CHARGE))
        .singleElement()
        .satisfies(
            charge -> {
              assertThat(charge.getAmountMinor()).isEqualTo(1000);
              assertThat(charge.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
              assertThat(charge.getIdempotencyKey()).isEqualTo("extra:" + bookingId);
            });
  }

  @Test
  void duplicateCompletionCapturesOnce() {
    // given
    reserve(Duration.ofHours(2));
    Instant exit = BookingEvents.START.plus(Duration.ofMinutes(130));
    EventEnvelope<BookingChanged> completed =
        BookingEvents.event(
            EventTypes.BOOKING_COMPLETED,
            bookingId,
            LOT,
            spotId,
            driver,
            Duration.ofHours(2),
            exit);

    // when the same event arrives twice, and a second completion with a new event id
    EventEnvelope<BookingChanged> completedAgain =
        BookingEvents.event(
            EventTypes.BOOKING_COMPLETED,
            bookingId,
            LOT,
            spotId,
            driver,
            Duration.ofHours(2),
            exit);
    send(Topics.BOOKING_EVENTS, spotKey, completed);
    send(Topics.BOOKING_EVENTS, spotKey, completed);
    send(Topics.BOOKING_EVENTS, spotKey, completedAgain);
    awaitProcessed(completedAgain.eventId());

    // then
    awaitSettlement(Settlement.PAID);
    assertThat(callsWithKey("capture:" + bookingId)).hasSize(1);
    List<ConsumerRecord<String, String>> events =
        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 3);
    assertThat(events)
        .extracting(record -> reader(record).type())
        .containsExactly(
            EventTypes.PAYMENT_AUTHORISED,
            EventTypes.PAYMENT_CAPTURED,
            EventTypes.PAYMENT_RECEIPT_ISSUED);
  }

  @Test
  void receiptEventCarriesBreakdown() {
    // given
    reserve(Duration.ofHours(2));

    // when
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(2),
        BookingEvents.START.plus(Duration.ofMinutes(130)));

    // then
    ConsumerRecord<String, String> record =
        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 3).get(2);
    EventEnvelope<PaymentReceipt> receipt =
        mapper.readValue(
            record.value(),
            mapper
                .getTypeFactory()
                .constructParametricType(EventEnvelope.class, PaymentReceipt.class));
    assertThat(receipt.type()).isEqualTo(EventTypes.PAYMENT_RECEIPT_ISSUED);
    assertThat(receipt.payload().amountMinor()).isEqualTo(1000);
    assertThat(receipt.payload().userId()).isEqualTo(driver);
    assertThat(receipt.payload().lines()).hasSize(3);
  }

  @Test
  void holdInOtherCurrencyPaysNothing() {
    // given a live hold of 100000 JPY under a client key, placed before booking.reserved arrived
    Payment yenHold =
        authorisations.authorise(
            driver, "yen-" + bookingId, new AuthorisationRequest(bookingId, 100_000L, "JPY"));
    EventEnvelope<BookingChanged> reserved =
        BookingEvents.event(
            EventTypes.BOOKING_RESERVED,
            bookingId,
            LOT,
            spotId,
            driver,
            Duration.ofHours(2),
            BookingEvents.START.minus(Duration.ofHours(1)));
    send(Topics.BOOKING_EVENTS, spotKey, reserved);
    awaitProcessed(reserved.eventId());
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId))
        .extracting(Payment::getPaymentId)
        .containsExactly(yenHold.getPaymentId());

    // when the stay of 2 h 10 min, priced 10.00 EUR, completes
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(2),
        BookingEvents.START.plus(Duration.ofMinutes(130)));

    // then the yen hold is voided and the whole price is charged in EUR
    Settlement settlement = awaitSettlement(Settlement.PAID);
    assertThat(settlement.getAmountMinor()).isEqualTo(1000);
    assertThat(settlement.getHoldPartMinor()).isZero();
    assertThat(settlement.getExtraPartMinor()).isEqualTo(1000);
    Payment voided = payments.findById(yenHold.getPaymentId()).orElseThrow();
    assertThat(voided.getStatus()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(voided.getCapturedMinor()).isZero();
    assertThat(callsWithKey("capture:" + bookingId)).isEmpty();
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId))
        .filteredOn(payment -> payment.getKind().equals(Payment.CHARGE))
        .singleElement()
        .satisfies(
            charge -> {
              assertThat(charge.getAmountMinor()).isEqualTo(1000);
              assertThat(charge.getCurrency()).isEqualTo("EUR");
              assertThat(charge.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
            });
  }

  @Test
  void declinedCaptureIsRetriedUntilPaid() {
    // given
    reserve(Duration.ofHours(2));
    provider.failNext("capture:" + bookingId, Fault.DECLINE);
    provider.failNext("capture:" + bookingId, Fault.TIMEOUT);

    // when
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(2),
        BookingEvents.START.plus(Duration.ofHours(2)));

    // then
    Settlement settlement = awaitSettlement(Settlement.PAID);
    assertThat(settlement.getAttempts()).isEqualTo(2);
    assertThat(callsWithKey("capture:" + bookingId)).hasSize(1);
    assertThat(holdOf(bookingId).getCapturedMinor()).isEqualTo(1000);
  }

  @Test
  void captureFailingEveryAttemptRaisesPaymentFailed() {
    // given three attempts in all
    reserve(Duration.ofHours(2));
    for (int attempt = 0; attempt < 3; attempt++) {
      provider.failNext("capture:" + bookingId, Fault.DECLINE);
    }

    // when
    send(
        EventTypes.BOOKING_COMPLETED,
        Duration.ofHours(2),
        BookingEvents.START.plus(Duration.ofHours(2)));

    // then
    Settlement settlement = awaitSettlement(Settlement.FAILED);
    assertThat(settlement.getAttempts()).isEqualTo(3);
    assertThat(settlement.getLastError()).contains("declined");
    assertThat(callsWithKey("capture:" + bookingId)).isEmpty();
    EventEnvelope<PaymentChanged> failed =
        readPayment(awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 2).get(1));
    assertThat(failed.type()).isEqualTo(EventTypes.PAYMENT_FAILED);
    assertThat(failed.payload().status()).isEqualTo("failed");
    assertThat(failed.payload().amountMinor()).isEqualTo(1000);
  }

  @Test
  void expiredBookingReleasesHold() {
    // given
    reserve(Duration.ofHours(2));

    // when
    send(
        EventTypes.BOOKING_EXPIRED,
        Duration.ofHours(2),
        BookingEvents.START.plus(Duration.ofMinutes(20)));

    // then
    await()
        .untilAsserted(
            () -> assertThat(holdOf(bookingId).getStatus()).isEqualTo(PaymentStatus.VOIDED));
    assertThat(callsWithKey("void:" + bookingId))
        .extracting(SandboxPaymentProvider.Call::operation)
        .containsExactly(Operation.VOID);
    assertThat(settlements.findById(bookingId)).isEmpty();
  }

  private void reserve(Duration length) {
    send(EventTypes.BOOKING_RESERVED, length, BookingEvents.START.minus(Duration.ofHours(1)));
    await()
        .untilAsserted(
            () -> assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1));
  }

  private void send(String type, Duration length, Instant occurredAt) {
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.event(type, bookingId, LOT, spotId, driver, length, occurredAt));
  }

  private Settlement awaitSettlement(String status) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(settlements.findById(bookingId))
                    .map(Settlement::getStatus)
                    .contains(status));
    return settlements.findById(bookingId).orElseThrow();
  }

  private Payment holdOf(UUID booking) {
    return payments
        .findFirstByBookingIdAndKindOrderByCreatedAtDesc(booking, Payment.HOLD)
        .orElseThrow();
  }

  private List<SandboxPaymentProvider.Call> callsWithKey(String idempotencyKey) {
    return provider.calls().stream()
        .filter(call -> call.idempotencyKey().equals(idempotencyKey))
        .toList();
  }

  private void awaitProcessed(UUID eventId) {
    await()
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :eventId")
                            .param("eventId", eventId)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1));
  }

  private EventEnvelope<?> reader(ConsumerRecord<String, String> record) {
    return mapper.readValue(
        record.value(),
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, Object.class));
  }

  private EventEnvelope<PaymentChanged> readPayment(ConsumerRecord<String, String> record) {
    return mapper.readValue(
        record.value(),
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, PaymentChanged.class));
  }
}
