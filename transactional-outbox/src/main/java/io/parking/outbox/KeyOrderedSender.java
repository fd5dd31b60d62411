package io.parking.outbox;

import io.parking.outbox.OutboxEvents.PendingEvent;
import java.time.Duration;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends a batch of events to Kafka so that a later event of a key never reaches Kafka before an
 * earlier one.
 *
 * <p>It sends in rounds: a round sends the oldest unsent event of every key, then waits for all
 * acknowledgements. The next event of a key is sent only after the previous one was acknowledged,
 * and a key whose send failed gets no further sends in this batch. A retriable failure, such as an
 * unreachable broker or a timed-out acknowledgement, ends the batch at once, because the other keys
 * would fail the same way.
 */
class KeyOrderedSender {

  /** A send that failed, with the error from the producer or the wait. */
  record Failure(PendingEvent event, Throwable error) {}

  /**
   * Outcome of one batch.
   *
   * @param sent events Kafka acknowledged, in the order they were acknowledged
   * @param failures events whose send failed
   * @param interrupted whether the thread was interrupted, which leaves the events still waiting
   *     for an acknowledgement unsent without counting a failure
   */
  record Report(List<PendingEvent> sent, List<Failure> failures, boolean interrupted) {}

  private final KafkaTemplate<String, String> kafka;
  private final Duration sendTimeout;

  KeyOrderedSender(KafkaTemplate<String, String> kafka, Duration sendTimeout) {
    this.kafka = kafka;
    this.sendTimeout = sendTimeout;
  }

  /** Sends {@code batch}, which is in id order, and returns what was sent and what failed. */
  Report send(List<PendingEvent> batch) {
    Map<String, Deque<PendingEvent>> queues = new LinkedHashMap<>();
    for (PendingEvent event : batch) {
      queues.computeIfAbsent(event.key(), key -> new ArrayDeque<>()).add(event);
    }
    List<PendingEvent> sent = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    boolean interrupted = false;
    boolean halted = false;
    while (!queues.isEmpty() && !halted) {
      for (InFlight inFlight : sendRound(queues)) {
        Outcome outcome = awaitAck(inFlight.future());
        if (outcome.acknowledged()) {
          sent.add(inFlight.event());
          continue;
        }
        queues.remove(inFlight.event().key());
        halted |= outcome.interrupted() || isRetriable(outcome.error());
        if (outcome.interrupted()) {
          interrupted = true;
        } else {
          failures.add(new Failure(inFlight.event(), outcome.error()));
        }
      }
    }
    return new Report(sent, failures, interrupted);
  }

  /**
   * Sends the oldest unsent event of every key and removes it from its queue. Stops early when a
   * send fails at once with a retriable error, because the producer then already waited {@code
   * max.block.ms} for the broker and the next send would wait as long. The keys not sent stay in
   * their queues.
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
      if (future.isCompletedExceptionally() && isRetriable(awaitAck(future).error())) {
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

  private Outcome awaitAck(CompletableFuture<SendResult<String, String>> future) {
    try {
      future.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
      return Outcome.ACKNOWLEDGED;
    } catch (ExecutionException e) {
      return Outcome.failed(e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      return Outcome.failed(
          new TimeoutException(
              "Kafka did not acknowledge the event within parking.outbox.send-timeout ("
                  + sendTimeout
                  + ")"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.INTERRUPTED;
    }
  }

  /**
   * True for failures that another attempt may fix without a change: broker unreachable, timed out,
   * leader moving.
   */
  static boolean isRetriable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof RetriableException || cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private record InFlight(
      PendingEvent event, CompletableFuture<SendResult<String, String>> future) {}

  /** Result of waiting for one acknowledgement; {@code error} is set only for a failed send. */
  private record Outcome(boolean acknowledged, boolean interrupted, Throwable error) {

    static final Outcome ACKNOWLEDGED = new Outcome(true, false, null);
    static final Outcome INTERRUPTED = new Outcome(false, true, null);

    static Outcome failed(Throwable error) {
      return new Outcome(false, false, error);
    }
  }
}
