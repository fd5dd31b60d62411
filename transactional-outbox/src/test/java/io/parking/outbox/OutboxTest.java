package io.parking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class OutboxTest extends OutboxIntegrationTest {

  @Test
  void committedEventIsSentUnchanged() {
    // given a payload whose spacing and key order a jsonb column would change
    String key = newKey("committed");
    String payload = "{\"b\": 1,   \"a\": [2, 3]}";
    OutboxMessage message = message(key, payload);
    inTransaction(() -> outbox.append(message));

    // when
    int sent = relay.relayPending();

    // then
    assertThat(sent).isEqualTo(1);
    List<ConsumerRecord<String, String>> records = recordsOf(key);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).value()).isEqualTo(payload);
    assertThat(records.get(0).topic()).isEqualTo(TOPIC);
    List<Map<String, Object>> rows = rowsOf(key);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("published_at")).isNotNull();
    assertThat(rows.get(0).get("attempts")).isEqualTo(0);
  }

  @Test
  void rolledBackEventIsNeverSent() {
    // given
    String key = newKey("rolled-back");
    OutboxMessage rolledBack = message(key, "{\"step\": \"rolled back\"}");
    OutboxMessage committed = message(key, "{\"step\": \"committed\"}");
    inRolledBackTransaction(() -> outbox.append(rolledBack));
    inTransaction(() -> outbox.append(committed));

    // when
    int sent = relay.relayPending();

    // then
    assertThat(sent).isEqualTo(1);
    List<ConsumerRecord<String, String>> records = recordsOf(key);
    assertThat(records).extracting(ConsumerRecord::value).containsExactly(committed.payload());
    assertThat(rowsOf(key))
        .extracting(row -> row.get("event_id"))
        .containsExactly(committed.eventId());
  }

  @Test
  void appendOutsideTransactionIsRejected() {
    String key = newKey("no-transaction");

    Throwable thrown = catchThrowable(() -> outbox.append(message(key, "{}")));

    assertThat(thrown)
        .isInstanceOf(IllegalTransactionStateException.class)
        .hasMessageContaining("outside a transaction");
    assertThat(rowsOf(key)).isEmpty();
  }

  @Test
  void appendInForeignTransactionIsRejected() {
    // given a transaction on a connection of another DataSource, not the outbox's
    String key = newKey("other-data-source");
    DriverManagerDataSource other = new DriverManagerDataSource(DB_URL, DB_USER, DB_PASSWORD);
    TransactionTemplate foreign = new TransactionTemplate(new JdbcTransactionManager(other));

    // when
    Throwable thrown =
        catchThrowable(
            () -> foreign.executeWithoutResult(status -> outbox.append(message(key, "{}"))));

    // then
    assertThat(thrown)
        .isInstanceOf(IllegalTransactionStateException.class)
        .hasMessageContaining("does not manage the outbox's DataSource");
    assertThat(rowsOf(key)).isEmpty();
  }

  @Test
  void duplicateEventIdIsRejected() {
    // given
    String key = newKey("duplicate");
    OutboxMessage first = message(key, "{\"copy\": 1}");
    inTransaction(() -> outbox.append(first));
    OutboxMessage again =
        new OutboxMessage(first.topic(), key, first.eventId(), first.type(), "{\"copy\": 2}");

    // when / then
    assertThatExceptionOfType(DuplicateKeyException.class)
        .isThrownBy(() -> inTransaction(() -> outbox.append(again)))
        .withMessageContaining("outbox_events_event_id_uq");
    assertThat(rowsOf(key)).hasSize(1);
  }

  @Test
  void invalidJsonPayloadIsRejected() {
    String key = newKey("invalid-json");

    Throwable thrown = catchThrowable(() -> inTransaction(() -> outbox.append(message(key, "{"))));

    assertThat(thrown).isInstanceOf(DataAccessException.class).hasMessageContaining("json");
    assertThat(rowsOf(key)).isEmpty();
  }

  @Test
  void appendWaitsForOtherTransactionOfSameKey() throws Exception {
    // given a transaction that stored an event of the key and has not committed yet
    String key = newKey("key-lock");
    OutboxMessage first = message(key, "{\"step\": 1}");
    OutboxMessage second = message(key, "{\"step\": 2}");
    CountDownLatch firstStored = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    // Threads of their own: the common pool may have a single thread, which the first would block.
    ExecutorService threads = Executors.newFixedThreadPool(2);
    CompletableFuture<Void> firstTransaction =
        CompletableFuture.runAsync(
            () ->
                inTransaction(
                    () -> {
                      outbox.append(first);
                      firstStored.countDown();
                      awaitLatch(releaseFirst);
                    }),
            threads);
    awaitLatch(firstStored);

    // when a second transaction stores an event of the same key
    CompletableFuture<Void> secondTransaction =
        CompletableFuture.runAsync(() -> inTransaction(() -> outbox.append(second)), threads);

    // then it waits for the key's lock until the first one commits, and its row comes second
    await().atMost(Duration.ofSeconds(10)).until(() -> waitersForKeyLock(key) == 1);
    assertThat(secondTransaction).isNotDone();
    releaseFirst.countDown();
    firstTransaction.get(10, TimeUnit.SECONDS);
    secondTransaction.get(10, TimeUnit.SECONDS);
    threads.shutdown();
    assertThat(rowsOf(key))
        .extracting(row -> row.get("event_id"))
        .containsExactly(first.eventId(), second.eventId());
  }

  /** Counts the sessions waiting for the advisory lock that {@link Outbox} takes on {@code key}. */
  private long waitersForKeyLock(String key) {
    // An advisory lock on two int4 keys shows them as classid and objid, both oids, so the
    // signed hash is compared as its unsigned 32-bit value.
    return jdbc.sql(
            """
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted AND objsubid = 2
              AND classid::bigint = :space
              AND objid::bigint = (hashtext(current_schema() || '/' || :key)::bigint & 4294967295)
            """)
        .param("space", OutboxEvents.KEY_LOCK_SPACE)
        .param("key", key)
        .query(Long.class)
        .single();
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("Timed out waiting for the other transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
