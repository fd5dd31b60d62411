package io.parking.booking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.parking.booking.support.IntegrationTest;
import io.parking.booking.support.TopicReader;
import io.parking.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxRelayTest extends IntegrationTest {

  /** Above the producer's default max.request.size of 1 MiB, so Kafka rejects the record. */
  private static final int OVERSIZED_LENGTH = 1_100_000;

  @Autowired private Outbox outbox;
  @Autowired private JdbcClient jdbc;
  @Autowired private PlatformTransactionManager transactionManager;
  @Autowired private EmbeddedKafkaBroker broker;

  @Test
  void failedEventHoldsBackLaterEventsOfItsKey() {
    String blockedKey = "test-blocked-" + UUID.randomUUID();
    String freeKey = "test-free-" + UUID.randomUUID();
    String oversized = "{\"filler\": \"" + "x".repeat(OVERSIZED_LENGTH) + "\"}";
    try (TopicReader reader = new TopicReader(broker, Topics.BOOKING_EVENTS)) {

      inTransaction(
          () -> {
            outbox.append(message(blockedKey, oversized));
            outbox.append(message(blockedKey, "{\"step\": 2}"));
            outbox.append(message(freeKey, "{\"step\": 1}"));
          });

      try {
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> rows(freeKey).get(0).get("published_at") != null);
        List<Map<String, Object>> blocked = rows(blockedKey);
        assertThat(blocked).hasSize(2);
        assertThat(blocked.get(0).get("published_at")).isNull();
        assertThat((Integer) blocked.get(0).get("attempts")).isPositive();
        assertThat((String) blocked.get(0).get("last_error")).contains("RecordTooLargeException");
        assertThat(blocked.get(1).get("published_at")).isNull();
        assertThat(blocked.get(1).get("attempts")).isEqualTo(0);
        List<ConsumerRecord<String, String>> received =
            await()
                .atMost(Duration.ofSeconds(20))
                .until(
                    reader::poll,
                    records -> records.stream().anyMatch(r -> freeKey.equals(r.key())));
        assertThat(received).noneMatch(record -> blockedKey.equals(record.key()));
      } finally {
        jdbc.sql("DELETE FROM outbox_events WHERE aggregate_key = :key")
            .param("key", blockedKey)
            .update();
      }
    }
  }

  @Test
  void appendOutsideTransactionIsRejected() {
    String key = "test-no-tx-" + UUID.randomUUID();

    Throwable thrown = catchThrowable(() -> outbox.append(message(key, "{}")));

    assertThat(thrown).isInstanceOf(IllegalTransactionStateException.class);
    assertThat(rows(key)).isEmpty();
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
  }

  private static OutboxMessage message(String key, String payload) {
    return new OutboxMessage(Topics.BOOKING_EVENTS, key, UUID.randomUUID(), "test.event", payload);
  }

  private List<Map<String, Object>> rows(String key) {
    return jdbc.sql(
            "SELECT published_at, attempts, last_error FROM outbox_events"
                + " WHERE aggregate_key = :key ORDER BY id")
        .param("key", key)
        .query()
        .listOfRows();
  }
}
