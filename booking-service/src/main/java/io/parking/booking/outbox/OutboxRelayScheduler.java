package io.parking.booking.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link OutboxRelay} on a thread of its own, every {@code parking.outbox.relay-interval}
 * after the previous run ended, and its purge once an hour. A relay run may wait for Kafka for up
 * to {@code parking.outbox.send-timeout}, so it does not share Spring's scheduler thread with other
 * jobs.
 */
@Component
class OutboxRelayScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

  private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

  private final OutboxRelay relay;
  private final OutboxProperties properties;
  private ScheduledExecutorService executor;

  OutboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
    this.relay = relay;
    this.properties = properties;
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "outbox-relay");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.relayInterval().toMillis();
    executor.scheduleWithFixedDelay(
        () -> runSafely("relay", relay::relayPending), interval, interval, TimeUnit.MILLISECONDS);
    long purge = PURGE_INTERVAL.toMillis();
    executor.scheduleWithFixedDelay(
        () -> runSafely("purge", relay::purgePublished), purge, purge, TimeUnit.MILLISECONDS);
    log.info("Outbox relay started, running every {}", properties.relayInterval());
  }

  @Override
  public synchronized void stop() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Outbox relay did not stop within {}", SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor = null;
    log.info("Outbox relay stopped");
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  /**
   * Logs and swallows a failed run, because an exception escaping a task would cancel all its later
   * runs. The next run tries again, for example once the database is reachable.
   */
  private static void runSafely(String job, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      log.error("Outbox {} run failed; retrying at the next run", job, e);
    }
  }
}
