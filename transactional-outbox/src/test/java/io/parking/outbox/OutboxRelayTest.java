package io.parking.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class OutboxRelayTest extends OutboxIntegrationTest {

  /** Above the producer's default max.request.size of 1 MiB, so Kafka rejects the record. */
  private static final int OVERSIZED_LENGTH = 1_100_000;

  @Test
  void eventsOfOneKeyArriveInOrder() {
    // given 12 transactions, each storing one event of each of 5 keys in a rotating order, so
    // the row ids of the keys interleave
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      keys.add(newKey("order-" + i));
    }
    for (int step = 0; step < 12; step++) {
      int current = step;
      inTransaction(
          () -> {
            for (int i = 0; i < keys.size(); i++) {
              String key = keys.get((i + current) % keys.size());
              outbox.append(message(key, "{\"step\": " + current + "}"));
            }
          });
    }

    // when a relay with batches smaller than a key's events sends them
    int sent = newRelay(7).relayPending();

    // then
    assertThat(sent).isEqualTo(60);
    for (String key : keys) {
      assertThat(recordsOf(key))
          .extracting(ConsumerRecord::value)
          .as("events of key %s in the order they were stored", key)
          .containsExactly(stepPayloads(12));
    }
  }

  @Test
  void twoRelaysSendEachEventOnce() throws Exception {
    // given two relays, each with its own producer, running in a loop at the same time
    AtomicBoolean stop = new AtomicBoolean();
    OutboxRelay first = newRelay(5);
    OutboxRelay second = newRelay(5);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      keys.add(newKey("two-relays-" + i));
    }
    int eventsPerKey = 25;
    try {
      Future<Integer> firstSent = pool.submit(() -> relayUntil(stop, first));
      Future<Integer> secondSent = pool.submit(() -> relayUntil(stop, second));

      // when two writers store events while the relays run, each writer with keys of its own
      Future<?> writerA = pool.submit(() -> storeSteps(keys.subList(0, 2), eventsPerKey));
      Future<?> writerB = pool.submit(() -> storeSteps(keys.subList(2, 4), eventsPerKey));
      writerA.get(60, TimeUnit.SECONDS);
      writerB.get(60, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(this::unsentCount, count -> count == 0);
      stop.set(true);
      int totalSent = firstSent.get(30, TimeUnit.SECONDS) + secondSent.get(30, TimeUnit.SECONDS);

      // then
      assertThat(totalSent).isEqualTo(keys.size() * eventsPerKey);
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }
    for (String key : keys) {
      assertThat(rowsOf(key)).hasSize(eventsPerKey);
      List<ConsumerRecord<String, String>> records = recordsOf(key);
      assertThat(records)
          .extracting(ConsumerRecord::value)
          .as("events of key %s, each once and in order", key)
          .containsExactly(stepPayloads(eventsPerKey));
    }
  }

  @Test
  void failedEventBlocksItsKeyOnly() {
    // given
    String blockedKey = newKey("blocked");
    String freeKey = newKey("free");
    String oversized = "{\"filler\": \"" + "x".repeat(OVERSIZED_LENGTH) + "\"}";
    inTransaction(
        () -> {
          outbox.append(message(blockedKey, oversized));
          outbox.append(message(blockedKey, "{\"step\": 2}"));
          outbox.append(message(freeKey, "{\"step\": 1}"));
        });

    // when
    int sent = relay.relayPending();

    // then
    assertThat(sent).isEqualTo(1);
    assertThat(recordsOf(freeKey))
        .extracting(ConsumerRecord::value)
        .containsExactly("{\"step\": 1}");
    assertThat(recordsOf(blockedKey)).isEmpty();
    List<Map<String, Object>> blocked = rowsOf(blockedKey);
    assertThat(blocked).hasSize(2);
    assertThat(blocked.get(0).get("published_at")).isNull();
    assertThat(blocked.get(0).get("attempts")).isEqualTo(1);
    assertThat((String) blocked.get(0).get("last_error")).contains("RecordTooLargeException");
    assertThat(blocked.get(1).get("published_at")).isNull();
    assertThat(blocked.get(1).get("attempts")).isEqualTo(0);
  }

  @Test
  void unreachableBrokerStopsRunAtFirstFailure() throws IOException {
    // given three keys with one event each, and a relay whose broker address refuses connections
    List<String> keys = List.of(newKey("down-1"), newKey("down-2"), newKey("down-3"));
    inTransaction(() -> keys.forEach(key -> outbox.append(message(key, "{\"step\": 0}"))));
    OutboxRelay cutOff = newRelay(10, "127.0.0.1:" + closedPort(), Duration.ofSeconds(5));

    // when
    int sentWhileDown = cutOff.relayPending();

    // then only the first key's event was tried, and nothing is marked sent
    assertThat(sentWhileDown).isZero();
    assertThat(rowsOf(keys.get(0)).get(0).get("attempts")).isEqualTo(1);
    assertThat((String) rowsOf(keys.get(0)).get(0).get("last_error")).contains("Timeout");
    assertThat(rowsOf(keys.get(1)).get(0).get("attempts")).isEqualTo(0);
    assertThat(rowsOf(keys.get(2)).get(0).get("attempts")).isEqualTo(0);
    assertThat(unsentCount()).isEqualTo(3);

    // and a relay that reaches the broker sends all three
    assertThat(relay.relayPending()).isEqualTo(3);
    for (String key : keys) {
      assertThat(recordsOf(key)).hasSize(1);
    }
  }

  @Test
  void relaySkipsRunWhileAnotherRelayHoldsLock() throws Exception {
    // given
    String key = newKey("relay-lock");
    inTransaction(() -> outbox.append(message(key, "{\"step\": 0}")));

    // when another transaction holds the relay lock of this schema
    int sentWhileLocked =
        transactions()
            .execute(
                status -> {
                  assertThat(events.tryLockRelay()).isTrue();
                  return CompletableFuture.supplyAsync(relay::relayPending).join();
                });

    // then the relay sent nothing, and sends the event once the lock is free
    assertThat(sentWhileLocked).isZero();
    assertThat(rowsOf(key).get(0).get("published_at")).isNull();
    assertThat(relay.relayPending()).isEqualTo(1);
    assertThat(recordsOf(key)).hasSize(1);
  }

  @Test
  void purgeDeletesOnlyEventsSentBeforeRetention() {
    // given one event sent 8 days ago, one sent now and one unsent from 8 days ago
    String key = newKey("purge");
    OutboxMessage oldSent = message(key, "{\"step\": 0}");
    OutboxMessage recentSent = message(key, "{\"step\": 1}");
    inTransaction(
        () -> {
          outbox.append(oldSent);
          outbox.append(recentSent);
        });
    relay.relayPending();
    OutboxMessage oldUnsent = message(key, "{\"step\": 2}");
    inTransaction(() -> outbox.append(oldUnsent));
    age(oldSent.eventId(), "published_at");
    age(oldUnsent.eventId(), "created_at");

    // when
    int deleted = relay.purgePublished();

    // then
    assertThat(deleted).isEqualTo(1);
    assertThat(rowsOf(key))
        .extracting(row -> row.get("event_id"))
        .containsExactly(recentSent.eventId(), oldUnsent.eventId());
  }

  private int relayUntil(AtomicBoolean stop, OutboxRelay relay) throws InterruptedException {
    int sent = 0;
    while (!stop.get()) {
      sent += relay.relayPending();
      Thread.sleep(5);
    }
    return sent;
  }

  private void storeSteps(List<String> keys, int steps) {
    for (int step = 0; step < steps; step++) {
      int current = step;
      inTransaction(
          () -> keys.forEach(key -> outbox.append(message(key, "{\"step\": " + current + "}"))));
    }
  }

  private long unsentCount() {
    return jdbc.sql("SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
        .query(Long.class)
        .single();
  }

  /** Moves the event's {@code column} 8 days back, beyond the default retention of 7 days. */
  private void age(UUID eventId, String column) {
    jdbc.sql(
            "UPDATE outbox_events SET "
                + column
                + " = now() - interval '8 days' WHERE event_id = :eventId")
        .param("eventId", eventId)
        .update();
  }

  private static String[] stepPayloads(int count) {
    String[] payloads = new String[count];
    for (int step = 0; step < count; step++) {
      payloads[step] = "{\"step\": " + step + "}";
    }
    return payloads;
  }

  /** Returns a loopback port that was free a moment ago, so nothing listens on it. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
