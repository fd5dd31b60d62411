package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.PaymentChanged;
import io.parking.events.Topics;
import io.parking.outbox.OutboxRelay;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import io.parking.payment.support.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment events go through the transactional outbox: stored with the payment change, sent once per
 * event id after the commit, in order per booking.
 */
class PaymentOutboxTest extends IntegrationTest {

  @Autowired private AuthorisationService authorisations;
  @Autowired private PaymentRepository payments;
  @Autowired private OutboxRelay relay;
  @Autowired private PlatformTransactionManager transactionManager;

  private final String driver = "driver-" + UUID.randomUUID();

  @Test
  void rolledBackAuthorisationSendsNoEvent() {
    // given an authorisation whose transaction rolls back after the event was stored
    UUID bookingId = UUID.randomUUID();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              authorisations.authorise(driver, "rolled-back-" + bookingId, request(bookingId));
              assertThat(outboxRows(bookingId)).hasSize(1);
              status.setRollbackOnly();
            });

    // when a later authorisation of the booking commits
    Payment committed =
        authorisations.authorise(driver, "committed-" + bookingId, request(bookingId));

    // then only the committed one is stored and reaches Kafka
    assertThat(payments.findByBookingIdOrderByCreatedAt(bookingId))
        .extracting(Payment::getPaymentId)
        .containsExactly(committed.getPaymentId());
    List<Map<String, Object>> rows = outboxRows(bookingId);
    assertThat(rows).hasSize(1);
    awaitRecords(Topics.PAYMENT_EVENTS, bookingId.toString(), 1);
    List<EventEnvelope<PaymentChanged>> sent = sentEvents(bookingId);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).eventId()).isEqualTo(rows.get(0).get("event_id"));
    assertThat(sent.get(0).type()).isEqualTo(EventTypes.PAYMENT_AUTHORISED);
    assertThat(sent.get(0).payload().paymentId()).isEqualTo(committed.getPaymentId());
  }

  @Test
  void concurrentRelaysSendEachEventOnce() throws Exception {
    // given two more relay loops beside the scheduled relay
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<UUID> bookings = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      bookings.add(UUID.randomUUID());
    }
    try {
      Future<?> firstRelay = pool.submit(() -> relayUntil(stop));
      Future<?> secondRelay = pool.submit(() -> relayUntil(stop));

      // when two threads authorise and capture the holds of the bookings meanwhile
      Future<?> firstWriter = pool.submit(() -> authoriseAndCapture(bookings.subList(0, 8)));
      Future<?> secondWriter = pool.submit(() -> authoriseAndCapture(bookings.subList(8, 16)));
      firstWriter.get(60, TimeUnit.SECONDS);
      secondWriter.get(60, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> unsentCount(bookings) == 0);
      stop.set(true);
      firstRelay.get(30, TimeUnit.SECONDS);
      secondRelay.get(30, TimeUnit.SECONDS);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }

    // then Kafka has every stored event exactly once, in order per booking
    Set<String> keys = bookings.stream().map(UUID::toString).collect(Collectors.toSet());
    List<ConsumerRecord<String, String>> records =
        TopicReader.readAll(broker.getBrokersAsString(), Topics.PAYMENT_EVENTS).stream()
            .filter(record -> keys.contains(record.key()))
            .toList();
    Map<UUID, Long> copies =
        records.stream()
            .collect(
                Collectors.groupingBy(record -> read(record).eventId(), Collectors.counting()));
    Set<Object> stored =
        bookings.stream()
            .flatMap(booking -> outboxRows(booking).stream())
            .map(row -> row.get("event_id"))
            .collect(Collectors.toSet());
    assertThat(stored).hasSize(32);
    assertThat(copies.keySet()).isEqualTo(stored);
    assertThat(copies.values()).containsOnly(1L);
    Map<UUID, List<String>> typesByBooking = sentTypes(bookings);
    for (UUID booking : bookings) {
      assertThat(typesByBooking.get(booking))
          .as("events of booking %s", booking)
          .containsExactly(EventTypes.PAYMENT_AUTHORISED, EventTypes.PAYMENT_CAPTURED);
    }
  }

  @Test
  void eventsOfOneBookingArriveInOrder() {
    // given bookings whose holds are placed and released by booking events, one right after the
    // other, and holds that the API places and captures
    List<UUID> voided = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID bookingId = UUID.randomUUID();
      long spotId = BookingEvents.newSpotId();
      String spotKey = Long.toString(spotId);
      send(
          Topics.BOOKING_EVENTS,
          spotKey,
          BookingEvents.reserved(bookingId, spotId, driver, Duration.ofHours(2)));
      send(Topics.BOOKING_EVENTS, spotKey, BookingEvents.cancelled(bookingId, spotId, driver));
      voided.add(bookingId);
    }
    List<UUID> captured = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      captured.add(UUID.randomUUID());
    }
    authoriseAndCapture(captured);

    // when
    List<UUID> bookings = new ArrayList<>(voided);
    bookings.addAll(captured);
    await().atMost(Duration.ofSeconds(30)).until(() -> publishedCount(bookings) == 32);

    // then
    Map<UUID, List<String>> typesByBooking = sentTypes(bookings);
    for (UUID bookingId : voided) {
      assertThat(typesByBooking.get(bookingId))
          .as("events of booking %s", bookingId)
          .containsExactly(EventTypes.PAYMENT_AUTHORISED, EventTypes.PAYMENT_VOIDED);
    }
    for (UUID bookingId : captured) {
      assertThat(typesByBooking.get(bookingId))
          .as("events of booking %s", bookingId)
          .containsExactly(EventTypes.PAYMENT_AUTHORISED, EventTypes.PAYMENT_CAPTURED);
    }
  }

  private void authoriseAndCapture(List<UUID> bookings) {
    for (UUID bookingId : bookings) {
      Payment hold = authorisations.authorise(driver, "hold-" + bookingId, request(bookingId));
      authorisations.capture("operator-1", hold.getPaymentId(), "capture-" + bookingId, 300);
    }
  }

  private void relayUntil(AtomicBoolean stop) {
    while (!stop.get()) {
      relay.relayPending();
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static AuthorisationRequest request(UUID bookingId) {
    return new AuthorisationRequest(bookingId, 700L, "EUR");
  }

  private List<Map<String, Object>> outboxRows(UUID bookingId) {
    return jdbc.sql(
            "SELECT event_id, event_type, published_at FROM outbox_events"
                + " WHERE aggregate_key = :key ORDER BY id")
        .param("key", bookingId.toString())
        .query()
        .listOfRows();
  }

  private long publishedCount(List<UUID> bookings) {
    return jdbc.sql(
            "SELECT count(*) FROM outbox_events WHERE published_at IS NOT NULL"
                + " AND aggregate_key IN (:keys)")
        .param("keys", bookings.stream().map(UUID::toString).toList())
        .query(Long.class)
        .single();
  }

  private long unsentCount(List<UUID> bookings) {
    return jdbc.sql(
            "SELECT count(*) FROM outbox_events WHERE published_at IS NULL"
                + " AND aggregate_key IN (:keys)")
        .param("keys", bookings.stream().map(UUID::toString).toList())
        .query(Long.class)
        .single();
  }

  /** Reads every event of the booking on the payment topic, in the order Kafka stores them. */
  private List<EventEnvelope<PaymentChanged>> sentEvents(UUID bookingId) {
    return TopicReader.readAll(broker.getBrokersAsString(), Topics.PAYMENT_EVENTS).stream()
        .filter(record -> bookingId.toString().equals(record.key()))
        .map(this::read)
        .toList();
  }

  /**
   * Reads the event types of each booking from the payment topic, in the order Kafka stores them.
   */
  private Map<UUID, List<String>> sentTypes(List<UUID> bookings) {
    Set<String> keys = bookings.stream().map(UUID::toString).collect(Collectors.toSet());
    return TopicReader.readAll(broker.getBrokersAsString(), Topics.PAYMENT_EVENTS).stream()
        .filter(record -> keys.contains(record.key()))
        .collect(
            Collectors.groupingBy(
                record -> UUID.fromString(record.key()),
                Collectors.mapping(record -> read(record).type(), Collectors.toList())));
  }

  private EventEnvelope<PaymentChanged> read(ConsumerRecord<String, String> record) {
    return mapper.readValue(
        record.value(),
        mapper.getTypeFactory().constructParametricType(EventEnvelope.class, PaymentChanged.class));
  }
}
