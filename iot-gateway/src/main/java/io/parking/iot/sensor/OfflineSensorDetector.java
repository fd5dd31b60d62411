package io.parking.iot.sensor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.SensorState;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.availability.store.SpotUpdate;
import io.parking.events.EventTypes;
import io.parking.events.SensorAlert;
import io.parking.iot.sensor.SensorRegistry.OfflineSensor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Takes sensors offline that sent nothing for {@code parking.sensor.offline-after}: their spot's
 * sensor state becomes unknown, so the spot no longer counts as free, and a {@code sensor.offline}
 * alert goes to the operators. The sensor's next admitted reading sets the spot's state again at
 * once, without the debounce. Runs every {@code parking.sensor.offline-check-interval}, so a dead
 * sensor is noticed between offline-after and offline-after plus that interval. Several gateway
 * instances may run it at once; the Redis script marks each sensor offline exactly once.
 */
@Component
public class OfflineSensorDetector implements SchedulingConfigurer {

  /** Sensors read per query; the detector reads again until none is left. */
  private static final int BATCH_SIZE = 200;

  private static final Logger log = LoggerFactory.getLogger(OfflineSensorDetector.class);

  private final SensorRegistry registry;
  private final PendingChanges pendingChanges;
  private final SpotAvailabilityStore store;
  private final OperatorAlertPublisher alerts;
  private final SensorProperties properties;
  private final Clock clock;
  private final Counter offline;

  OfflineSensorDetector(
      SensorRegistry registry,
      PendingChanges pendingChanges,
      SpotAvailabilityStore store,
      OperatorAlertPublisher alerts,
      SensorProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.registry = registry;
    this.pendingChanges = pendingChanges;
    this.store = store;
    this.alerts = alerts;
    this.properties = properties;
    this.clock = clock;
    this.offline =
        Counter.builder("parking.sensor.alerts")
            .description("Operator alerts raised about sensors")
            .tag("type", EventTypes.SENSOR_OFFLINE)
            .register(meters);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::checkNow, properties.offlineCheckInterval());
  }

  private void checkNow() {
    try {
      markOfflineSensors(clock.instant());
    } catch (RuntimeException e) {
      log.error("Search for offline sensors failed, retrying on the next run", e);
    }
  }

  /** Marks every sensor offline that was last seen before {@code now} minus the offline timeout. */
  public int markOfflineSensors(Instant now) {
    Instant cutoff = now.minus(properties.offlineAfter());
    int marked = 0;
    while (true) {
      Set<String> candidates = registry.lastSeenBefore(cutoff, BATCH_SIZE);
      for (String sensorId : candidates) {
        var found = registry.markOffline(sensorId, cutoff);
        if (found.isPresent()) {
          takeOffline(found.get(), now);
          marked++;
        }
      }
      // Marked or vanished sensors leave the set, so a short batch means none is left.
      if (candidates.size() < BATCH_SIZE) {
        return marked;
      }
    }
  }

  private void takeOffline(OfflineSensor sensor, Instant now) {
    offline.increment();
    pendingChanges.cancel(sensor.spotId());
    SpotUpdate update = store.applySensorState(sensor.spotId(), SensorState.UNKNOWN);
    log.warn(
        "Sensor {} of spot {} (lot {}) is offline: nothing received since {} ({} ago); the spot's"
            + " sensor state is unknown ({})",
        sensor.sensorId(),
        sensor.spotId(),
        sensor.lotId(),
        sensor.lastSeenAt(),
        Duration.between(sensor.lastSeenAt(), now),
        update.outcome());
    alerts.publish(
        EventTypes.SENSOR_OFFLINE,
        new SensorAlert(
            sensor.lotId(),
            update.floorId(),
            sensor.spotId(),
            sensor.sensorId(),
            sensor.battery(),
            sensor.lastSeenAt()));
  }
}
