package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.Topics;
import io.parking.payment.provider.SandboxPaymentProvider;
import io.parking.payment.provider.SandboxPaymentProvider.Call;
import io.parking.payment.provider.SandboxPaymentProvider.Operation;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class HoldLifecycleIntegrationTest extends IntegrationTest {

  @Autowired private PaymentRepository payments;
  @Autowired private SandboxPaymentProvider provider;

  private final UUID bookingId = UUID.randomUUID();
  private final long spotId = BookingEvents.newSpotId();
  private final String spotKey = Long.toString(spotId);
  private final String userId = "driver-" + UUID.randomUUID();

  @Test
  void reservedEventPlacesOneAuthorisedHold() {
    // given
    EventEnvelope<BookingChanged> reserved =
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2));

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // then
    Payment payment = awaitSinglePayment();
    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.AUTHORISED);
    assertThat(payment.getAmountMinor()).isEqualTo(500);
    assertThat(payment.getCurrency()).isEqualTo("EUR");
    assertThat(payment.getMethod()).isEqualTo("card");
    assertThat(payment.getUserId()).isEqualTo(userId);
    assertThat(payment.getIdempotencyKey()).isEqualTo("preauth:" + bookingId);
    assertThat(callsWithKey("preauth:" + bookingId))
        .containsExactly(new Call(Operation.AUTHORISE, "preauth:" + bookingId, 500));
  }

  @Test
  void reservedEventPublishesPaymentAuthorised() {
    // given
    EventEnvelope<BookingChanged> reserved =
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2));

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // then
    ConsumerRecord<String, String> record =
        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 1).get(0);
    EventEnvelope<PaymentChanged> event = readPaymentEvent(record);
    assertThat(event.type()).isEqualTo(EventTypes.PAYMENT_AUTHORISED);
    assertThat(event.aggregateId()).isEqualTo(bookingId.toString());
    assertThat(event.payload().bookingId()).isEqualTo(bookingId);
    assertThat(event.payload().userId()).isEqualTo(userId);
    assertThat(event.payload().amountMinor()).isEqualTo(500);
    assertThat(event.payload().currency()).isEqualTo("EUR");
    assertThat(event.payload().status()).isEqualTo("authorised");
    assertThat(event.payload().paymentId()).isEqualTo(awaitSinglePayment().getPaymentId());
  }

  @Test
  void startedHourIsChargedInFull() {
    // given
    EventEnvelope<BookingChanged> reserved =
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofMinutes(61));

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // then
    assertThat(awaitSinglePayment().getAmountMinor()).isEqualTo(500);
  }

  @Test
  void replayedEventPlacesNoSecondHold() {
    // given
    EventEnvelope<BookingChanged> reserved =
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2));
    send(Topics.BOOKING_EVENTS, spotKey, reserved);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, reserved);
    awaitProcessedAfter(reserved);

    // then
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1);
    assertThat(callsWithKey("preauth:" + bookingId)).hasSize(1);
  }

  @Test
  void repeatedBookingPlacesNoSecondHold() {
    // given
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2)));
    EventEnvelope<BookingChanged> again =
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(3));

    // when
    send(Topics.BOOKING_EVENTS, spotKey, again);
    awaitProcessed(again.eventId());

    // then
    List<Payment> found = payments.findByBookingIdOrderByCreatedAt(bookingId);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).getAmountMinor()).isEqualTo(500);
    assertThat(callsWithKey("preauth:" + bookingId)).hasSize(1);
  }

  @Test
  void cancelledEventVoidsHold() {
    // given
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2)));
    awaitSinglePayment();

    // when
    send(Topics.BOOKING_EVENTS, spotKey, BookingEvents.cancelled(bookingId, spotId, userId));

    // then
    await()
        .untilAsserted(
            () -> assertThat(awaitSinglePayment().getStatus()).isEqualTo(PaymentStatus.VOIDED));
    assertThat(callsWithKey("void:" + bookingId))
        .containsExactly(new Call(Operation.VOID, "void:" + bookingId, 0));
  }

  @Test
  void cancelledEventPublishesPaymentVoided() {
    // given
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2)));

    // when
    send(Topics.BOOKING_EVENTS, spotKey, BookingEvents.cancelled(bookingId, spotId, userId));

    // then
    List<ConsumerRecord<String, String>> records =
        awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 2);
    EventEnvelope<PaymentChanged> voided = readPaymentEvent(records.get(1));
    assertThat(readPaymentEvent(records.get(0)).type()).isEqualTo(EventTypes.PAYMENT_AUTHORISED);
    assertThat(voided.type()).isEqualTo(EventTypes.PAYMENT_VOIDED);
    assertThat(voided.aggregateId()).isEqualTo(bookingId.toString());
    assertThat(voided.payload().status()).isEqualTo("voided");
    assertThat(voided.payload().amountMinor()).isEqualTo(500);
  }

  @Test
  void secondCancelledEventChangesNothing() {
    // given
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2)));
    send(Topics.BOOKING_EVENTS, spotKey, BookingEvents.cancelled(bookingId, spotId, userId));
    await()
        .untilAsserted(
            () -> assertThat(awaitSinglePayment().getStatus()).isEqualTo(PaymentStatus.VOIDED));
    Instant voidedAt = awaitSinglePayment().getUpdatedAt();
    EventEnvelope<BookingChanged> cancelledAgain =
        BookingEvents.cancelled(bookingId, spotId, userId);

    // when
    send(Topics.BOOKING_EVENTS, spotKey, cancelledAgain);
    awaitProcessed(cancelledAgain.eventId());

    // then
    Payment payment = awaitSinglePayment();
    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(payment.getUpdatedAt()).isEqualTo(voidedAt);
    assertThat(callsWithKey("void:" + bookingId)).hasSize(1);
  }

  @Test
  void unknownEventTypeIsIgnored() {
    // given
    EventEnvelope<BookingChanged> reserved =
        BookingEvents.reserved(bookingId, spotId, userId, Duration.ofHours(2));
    EventEnvelope<BookingChanged> unknown =
        new EventEnvelope<>(
            UUID.randomUUID(),
            "booking.extended",
            1,
            Instant.now(),
            bookingId.toString(),
            reserved.payload());

    // when
    send(Topics.BOOKING_EVENTS, spotKey, unknown);
    awaitProcessedAfter(unknown);

    // then
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).isEmpty();
    assertThat(callsWithKey("preauth:" + bookingId)).isEmpty();
    assertThat(processedCount(unknown.eventId())).isZero();
  }

  @Test
  void malformedEventGoesToDeadLetterTopic() {
    // given
    String poison = "{\"type\": \"booking.reserved\", \"payload\": 42}";

    // when
    kafka.send(Topics.BOOKING_EVENTS, spotKey, poison).join();

    // then
    List<ConsumerRecord<String, String>> dead =
        awaitRecords(Topics.BOOKING_EVENTS + Topics.DEAD_LETTER_SUFFIX, spotKey, 1);
    assertThat(dead.get(0).value()).isEqualTo(poison);
  }

  private Payment awaitSinglePayment() {
    await()
        .untilAsserted(
            () -> assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId)).hasSize(1));
    return payments.findByBookingIdOrderByCreatedAt(bookingId).get(0);
  }

  private List<Call> callsWithKey(String idempotencyKey) {
    return provider.calls().stream()
        .filter(call -> call.idempotencyKey().equals(idempotencyKey))
        .toList();
  }

  private void awaitProcessed(UUID eventId) {
    await().untilAsserted(() -> assertThat(processedCount(eventId)).isEqualTo(1));
  }

  /**
   * Waits until the consumer is past {@code event}: sends a reservation of another booking with the
   * same key (so the same partition, read in order) and waits for its payment.
   */
  private void awaitProcessedAfter(EventEnvelope<BookingChanged> event) {
    UUID fenceBookingId = UUID.randomUUID();
    send(
        Topics.BOOKING_EVENTS,
        spotKey,
        BookingEvents.reserved(fenceBookingId, spotId, userId, Duration.ofHours(1)));
    await()
        .untilAsserted(
            () ->
                assertThat(payments.findByBookingIdOrderByCreatedAt(fenceBookingId))
                    .as("payment of the booking sent after event %s", event.eventId())
                    .hasSize(1));
  }

  private long processedCount(UUID eventId) {
    return jdbc.sql("SELECT count(*) FROM processed_events WHERE event_id = :eventId")
        .param("eventId", eventId)
        .query(Long.class)
        .single();
  }

  private EventEnvelope<PaymentChanged> readPaymentEvent(ConsumerRecord<String, String> record) {
    return mapper.readValue(
        record.value(),
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, PaymentChanged.class));
  }
}
