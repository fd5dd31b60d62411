package io.parking.outbox;

import io.parking.outbox.KeyOrderedSender.Failure;
import io.parking.outbox.OutboxEvents.PendingEvent;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends stored events to Kafka and marks each one published once the broker acknowledged it.
 *
 * <p>Each relay transaction first takes the relay lock of the current schema, so of several service
 * instances one relays at a time and the others skip the run. It reads the unsent events in id
 * order and hands them to {@link KeyOrderedSender}, which keeps the order within each key.
 *
 * <p>Delivery is at least once. If the process stops after Kafka acknowledged an event but before
 * the relay transaction committed, the next run sends the same event again, with the same event id
 * in its payload, and consumers drop it by that id.
 */
public class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** Failed attempts between two error logs of the same event, after the log of its first one. */
  private static final int FAILURE_LOG_EVERY = 100;

  private final OutboxEvents events;
  private final KeyOrderedSender sender;
  private final OutboxProperties properties;
  private final TransactionTemplate transaction;

  OutboxRelay(
      OutboxEvents events,
      KafkaTemplate<String, String> kafka,
      OutboxProperties properties,
      PlatformTransactionManager transactionManager) {
    this.events = events;
    this.sender = new KeyOrderedSender(kafka, properties.sendTimeout());
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  /** Result of one relay transaction. */
  private enum BatchOutcome {
    /** Another instance is relaying, or nothing is waiting. */
    IDLE,
    /** Every event read was sent, and the batch was full, so more may be waiting. */
    FULL,
    /** Every event read was sent, and the batch was not full. */
    DRAINED,
    /** A send failed or the thread was interrupted, so the unsent events wait for the next run. */
    STOPPED
  }

  private record BatchResult(BatchOutcome outcome, int sent) {}

  /**
   * Relays batches until the outbox is drained, a send fails, or another instance has the relay
   * lock. Safe to call from several threads or instances at once, because they take turns on the
   * lock. Returns the number of events this call sent.
   */
  public int relayPending() {
    int sent = 0;
    BatchResult result;
    do {
      result = transaction.execute(status -> relayBatch());
      sent += result.sent();
    } while (result.outcome() == BatchOutcome.FULL && !Thread.currentThread().isInterrupted());
    return sent;
  }

  /**
   * Deletes the events sent longer ago than {@code parking.outbox.retention} and returns how many
   * it deleted.
   */
  public int purgePublished() {
    Instant cutoff = Instant.now().minus(properties.retention());
    Integer deleted = transaction.execute(status -> events.deletePublishedBefore(cutoff));
    if (deleted > 0) {
      log.info("Purged {} outbox events published before {}", deleted, cutoff);
    }
    return deleted;
  }

  private BatchResult relayBatch() {
    if (!events.tryLockRelay()) {
      log.debug("Outbox relay skipped: another relay has the lock of this schema");
      return new BatchResult(BatchOutcome.IDLE, 0);
    }
    List<PendingEvent> batch = events.lockUnsent(properties.batchSize());
    if (batch.isEmpty()) {
      return new BatchResult(BatchOutcome.IDLE, 0);
    }

    KeyOrderedSender.Report report = sender.send(batch);
    events.markPublished(report.sent().stream().map(PendingEvent::id).toList());
    for (PendingEvent event : report.sent()) {
      log.debug(
          "Sent {} event {} of key {} to {} from outbox row {}",
          event.type(),
          event.eventId(),
          event.key(),
          event.topic(),
          event.id());
    }
    for (Failure failure : report.failures()) {
      recordFailure(failure.event(), failure.error());
    }
    if (report.interrupted()) {
      log.info(
          "Outbox relay interrupted after sending {} of {} events; the rest wait for the next run",
          report.sent().size(),
          batch.size());
    }

    int sent = report.sent().size();
    if (!report.failures().isEmpty() || report.interrupted()) {
      return new BatchResult(BatchOutcome.STOPPED, sent);
    }
    BatchOutcome outcome =
        batch.size() == properties.batchSize() ? BatchOutcome.FULL : BatchOutcome.DRAINED;
    return new BatchResult(outcome, sent);
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
}
