package io.parking.iot.sensor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.SensorState;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.availability.store.SpotAvailabilityStore.SpotStates;
import io.parking.availability.store.SpotUpdate;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Applies admitted readings to the spot's Redis state after the debounce, and publishes {@code
 * sensor.state-changed} for each applied reading.
 *
 * <p>A reading that differs from the spot's applied state starts a pending change and a timer of
 * {@code parking.sensor.debounce}. A reading back to the applied state before the timer fires
 * cancels the change, so a car passing over a spot changes nothing. When the timer fires and the
 * change is still pending, the state is applied once. A change is therefore seen after the debounce
 * plus the message latency. A reading that confirms the applied state is applied at once, as is any
 * reading for a spot whose sensor state is not free or occupied (unknown after an outage).
 */
@Component
class SpotStateUpdater implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SpotStateUpdater.class);

  private final SpotAvailabilityStore store;
  private final PendingChanges pendingChanges;
  private final SensorEventPublisher events;
  private final Duration debounce;
  private final ScheduledExecutorService timers;
  private final Map<SpotUpdate.Outcome, Counter> accepted = new EnumMap<>(SpotUpdate.Outcome.class);
  private final Counter flapping;
  private final Counter failed;

  SpotStateUpdater(
      SpotAvailabilityStore store,
      PendingChanges pendingChanges,
      SensorEventPublisher events,
      SensorProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.pendingChanges = pendingChanges;
    this.events = events;
    this.debounce = properties.debounce();
    this.timers =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "sensor-debounce");
              thread.setDaemon(true);
              return thread;
            });
    for (SpotUpdate.Outcome outcome : SpotUpdate.Outcome.values()) {
      if (outcome != SpotUpdate.Outcome.UNKNOWN_SPOT) {
        accepted.put(
            outcome,
            Counter.builder("parking.sensor.accepted")
                .description("Sensor readings applied to Redis, by how the free counter moved")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters));
      }
    }
    this.flapping = SensorMessageHandler.droppedCounter(meters, "flapping");
    this.failed = SensorMessageHandler.failedCounter(meters);
  }

  /**
   * Applies the reading now or after the debounce. Throws {@link SensorMessageRejectedException}
   * when the spot vanished from Redis.
   */
  void onReading(SensorReading reading, SpotStates spot) {
    SensorState state = reading.occupied() ? SensorState.OCCUPIED : SensorState.FREE;
    boolean knownState = spot.sensor() == SensorState.FREE || spot.sensor() == SensorState.OCCUPIED;
    if (state == spot.sensor()) {
      if (pendingChanges.cancel(reading.spotId())) {
        flapping.increment();
        log.info(
            "Spot {} (lot {}) keeps {}: sensor {} read it again within {} (sequence {})",
            reading.spotId(),
            reading.lotId(),
            state,
            reading.sensorId(),
            debounce,
            reading.sequence());
      }
      apply(reading, state);
      return;
    }
    if (debounce.isZero() || !knownState) {
      pendingChanges.cancel(reading.spotId());
      apply(reading, state);
      return;
    }
    pendingChanges
        .start(reading, state)
        .ifPresentOrElse(
            token -> {
              log.debug(
                  "Spot {} sensor {} reads {} (sequence {}), applying after {} unless it flips back",
                  reading.spotId(),
                  reading.sensorId(),
                  state,
                  reading.sequence(),
                  debounce);
              schedule(reading.spotId(), token);
            },
            () ->
                log.debug(
                    "Spot {} sensor {} confirms the pending {} (sequence {})",
                    reading.spotId(),
                    reading.sensorId(),
                    state,
                    reading.sequence()));
  }

  private void schedule(long spotId, String token) {
    try {
      timers.schedule(
          () -> applyPending(spotId, token), debounce.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // NOTE: a change pending while the gateway stops is not applied. Its key expires, and the
      // spot follows the sensor's next reading.
      log.warn("Spot {} change not scheduled: the gateway is stopping", spotId);
    }
  }

  private void applyPending(long spotId, String token) {
    // NOTE: this runs on the debounce thread while readings arrive on the MQTT thread. A reading
    // handled between the claim and the send below can reach Kafka before this older reading,
    // so the booking service would end on the older state until the sensor's next message.
    try {
      pendingChanges
          .claim(spotId, token)
          .ifPresent(
              claimed -> {
                try {
                  apply(claimed.reading(), claimed.state());
                } catch (SensorMessageRejectedException e) {
                  log.warn("Spot {} change dropped: {}", spotId, e.detail());
                }
              });
    } catch (RuntimeException e) {
      failed.increment();
      log.error("Failed to apply the pending change of spot {}; it is lost", spotId, e);
    }
  }

  private void apply(SensorReading reading, SensorState state) {
    SpotUpdate update = store.applySensorState(reading.spotId(), state);
    if (update.outcome() == SpotUpdate.Outcome.UNKNOWN_SPOT) {
      throw SensorMessageHandler.unknownSpot(reading);
    }
    events.publishStateChanged(reading, update);
    accepted.get(update.outcome()).increment();

    if (update.outcome() == SpotUpdate.Outcome.UNCHANGED) {
      log.debug(
          "Spot {} (lot {}, floor {}) sensor {} reads {}, availability unchanged (sequence {})",
          reading.spotId(),
          update.lotId(),
          update.floorId(),
          reading.sensorId(),
          state,
          reading.sequence());
    } else {
      log.info(
          "Spot {} (lot {}, floor {}) {} after sensor {} read {} (sequence {})",
          reading.spotId(),
          update.lotId(),
          update.floorId(),
          update.outcome() == SpotUpdate.Outcome.FREED ? "freed" : "taken",
          reading.sensorId(),
          state,
          reading.sequence());
    }
  }

  @Override
  public void destroy() {
    timers.shutdownNow();
  }
}
