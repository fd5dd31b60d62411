package io.parking.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link OutboxRelay} on a thread of its own, {@code parking.outbox.relay-interval} after the
 * previous run ended, and its purge every {@code parking.outbox.purge-interval}. A relay run may
 * wait for Kafka for up to {@code parking.outbox.send-timeout} per round, so it does not share
 * Spring's scheduler thread with other jobs.
 *
 * <p>It starts after the other beans and stops before them, so the relay's last run still has its
 * database pool and Kafka producer.
 */
class OutboxRelayScheduler implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

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
    long purge = properties.purgeInterval().toMillis();
    executor.scheduleWithFixedDelay(
        () -> runSafely("purge", relay::purgePublished), purge, purge, TimeUnit.MILLISECONDS);
    log.info(
        "Outbox relay started, running every {} and purging every {}",
        properties.relayInterval(),
        properties.purgeInterval());
  }

  /** Interrupts a running relay run, which then commits what Kafka has acknowledged so far. */
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
