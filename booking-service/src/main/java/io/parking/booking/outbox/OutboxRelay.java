package io.parking.booking.outbox;

import io.parking.booking.outbox.OutboxEvents.PendingEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends stored events to Kafka and marks each one published once the broker acknowledged it.
 *
 * <p>Each run locks the relay of this schema, so of several service instances one relays at a time
 * and the others skip the run. It reads the unsent events in id order and sends them in rounds: a
 * round sends the oldest unsent event of every key, then waits for all acknowledgements. The next
 * event of a key is sent only after the previous one was acknowledged, and a key whose send failed
 * gets no further sends in this run. So a later event of a key never reaches Kafka before an
 * earlier one. A retriable failure, such as an unreachable broker, ends the run at once.
 *
 * <p>Delivery is at least once. If the process stops after Kafka acknowledged an event but before
 * the run's transaction committed, the next run sends the same envelope again, and consumers drop
 * it by its event id.
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** Failed attempts between two error logs of the same event, after the log of its first one. */
  private static final int FAILURE_LOG_EVERY = 100;

  private final OutboxEvents events;
  private final KafkaTemplate<String, String> kafka;
  private final OutboxProperties properties;
  private final TransactionTemplate transaction;

  OutboxRelay(
      OutboxEvents events,
      KafkaTemplate<String, String> kafka,
      OutboxProperties properties,
      PlatformTransactionManager transactionManager) {
    this.events = events;
    this.kafka = kafka;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Result of one relay transaction. */
  enum BatchOutcome {
    /** Another instance is relaying, or nothing is waiting. */
    IDLE,
    /** Every event read was sent, and the batch was full, so more may be waiting. */
    FULL,
    /** Every event read was sent, and the batch was not full. */
    DRAINED,
    /** At least one send failed, so the unsent events wait for the next run. */
    STOPPED
  }

  /** Relays batches until the outbox is drained, a send fails or another instance has the lock. */
  void relayPending() {
    BatchOutcome outcome;
    do {
      outcome = transaction.execute(status -> relayBatch());
    } while (outcome == BatchOutcome.FULL);
  }

  /** Deletes events sent longer ago than {@code parking.outbox.retention}. */
  void purgePublished() {
    Instant cutoff = Instant.now().minus(properties.retention());
    Integer deleted = transaction.execute(status -> events.deletePublishedBefore(cutoff));
    log.info("Purged {} outbox events published before {}", deleted, cutoff);
  }

  private BatchOutcome relayBatch() {
    if (!events.tryLockRelay()) {
      log.debug("Outbox relay skipped: another instance is relaying");
      return BatchOutcome.IDLE;
    }
    List<PendingEvent> batch = events.lockUnpublished(properties.batchSize());
    if (batch.isEmpty()) {
      return BatchOutcome.IDLE;
    }

    Map<String, Deque<PendingEvent>> queues = new LinkedHashMap<>();
    for (PendingEvent event : batch) {
      queues.computeIfAbsent(event.key(), key -> new ArrayDeque<>()).add(event);
    }
    List<Long> published = new ArrayList<>();
    boolean failed = false;
    boolean brokerUnavailable = false;
    while (!queues.isEmpty() && !brokerUnavailable) {
      for (InFlight sent : sendRound(queues)) {
        Throwable error = awaitAck(sent.future());
        if (error == null) {
          published.add(sent.event().id());
          logSent(sent.event());
          continue;
        }
        failed = true;
        queues.remove(sent.event().key());
        recordFailure(sent.event(), error);
        if (isRetriable(error)) {
          brokerUnavailable = true;
        }
      }
    }
    events.markPublished(published);

    if (failed) {
      return BatchOutcome.STOPPED;
    }
    return batch.size() == properties.batchSize() ? BatchOutcome.FULL : BatchOutcome.DRAINED;
  }

  /**
   * Sends the oldest unsent event of every key and removes it from its queue. Stops sending early
   * when a send fails at once with a retriable error, because the producer then already waited
   * {@code max.block.ms} for the broker and the next send would wait as long.
   */
  private List<InFlight> sendRound(Map<String, Deque<PendingEvent>> queues) {
    List<InFlight> round = new ArrayList<>();
    Iterator<Deque<PendingEvent>> keys = queues.values().iterator();
    while (keys.hasNext()) {
      Deque<PendingEvent> queue = keys.next();
      PendingEvent event = queue.poll();
      if (queue.isEmpty()) {
        keys.remove();
      }
      CompletableFuture<SendResult<String, String>> future = send(event);
      round.add(new InFlight(event, future));
      if (future.isCompletedExceptionally() && isRetriable(awaitAck(future))) {
        break;
      }
    }
    return round;
  }

  private CompletableFuture<SendResult<String, String>> send(PendingEvent event) {
    try {
      return kafka.send(event.topic(), event.key(), event.payload());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Waits for the broker's acknowledgement; returns the failure, or null when acknowledged. */
  private Throwable awaitAck(CompletableFuture<SendResult<String, String>> future) {
    try {
      future.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (TimeoutException e) {
      return e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    }
  }

  // NOTE: an event that Kafka rejects for good, for example with RecordTooLargeException, holds
  // back the later events of its key until an operator fixes or deletes its row. There is no
  // dead-letter step, because skipping the event would let the later ones overtake it.
  private void recordFailure(PendingEvent event, Throwable error) {
    int attempts = events.recordFailure(event.id(), describe(error));
    if (attempts == 1 || attempts % FAILURE_LOG_EVERY == 0) {
      log.error(
          "Failed to send {} event {} of key {} to {} (attempt {}); it and the later events of"
              + " this key stay in the outbox for the next relay run",
          event.type(),
          event.eventId(),
          event.key(),
          event.topic(),
          attempts,
          error);
    } else {
      log.debug(
          "Failed to send {} event {} of key {} (attempt {}): {}",
          event.type(),
          event.eventId(),
          event.key(),
          attempts,
          error.toString());
    }
  }

  /**
   * Joins the messages of {@code error} and its causes, because Kafka's cause is the useful one.
   */
  private static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (!text.isEmpty()) {
        text.append("; caused by ");
      }
      text.append(cause);
    }
    return text.toString();
  }

  private static void logSent(PendingEvent event) {
    log.debug(
        "Sent {} event {} of key {} to {} from outbox row {}",
        event.type(),
        event.eventId(),
        event.key(),
        event.topic(),
        event.id());
  }

  /**
   * True for failures that another attempt may fix without a change: broker unreachable, timed out,
   * leader moving. The relay then stops the whole run instead of trying the other keys.
   */
  private static boolean isRetriable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableException
          || cause instanceof TimeoutException
          || cause instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  private record InFlight(
      PendingEvent event, CompletableFuture<SendResult<String, String>> future) {}
}
