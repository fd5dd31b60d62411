package io.parking.iot.sensor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.availability.store.SpotAvailabilityStore.SpotStates;
import io.parking.events.EventTypes;
import io.parking.events.SensorAlert;
import io.parking.iot.sensor.SensorRegistry.Admission;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one MQTT sensor message: validates it, drops duplicates and older messages, records the
 * sensor's health, and hands a reading to the {@link SpotStateUpdater}. A rejected message goes to
 * the dead-letter topic without changing any state.
 *
 * <p>Every accepted reading publishes {@code sensor.state-changed} once applied, also when the
 * spot's availability did not change, because the booking service needs to learn that a car is
 * parked in a booked spot.
 */
@Component
public class SensorMessageHandler {

  private static final Logger log = LoggerFactory.getLogger(SensorMessageHandler.class);

  private final SensorMessageParser parser;
  private final SpotAvailabilityStore store;
  private final SensorRegistry registry;
  private final SpotStateUpdater updater;
  private final OperatorAlertPublisher alerts;
  private final DeadLetterPublisher deadLetters;
  private final Clock clock;
  private final RejectionLog rejectionLog = new RejectionLog();
  private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
  private final Counter duplicates;
  private final Counter stale;
  private final Counter heartbeats;
  private final Counter lowBattery;
  private final Counter failed;

  SensorMessageHandler(
      SensorMessageParser parser,
      SpotAvailabilityStore store,
      SensorRegistry registry,
      SpotStateUpdater updater,
      OperatorAlertPublisher alerts,
      DeadLetterPublisher deadLetters,
      Clock clock,
      MeterRegistry meters) {
    this.parser = parser;
    this.store = store;
    this.registry = registry;
    this.updater = updater;
    this.alerts = alerts;
    this.deadLetters = deadLetters;
    this.clock = clock;
    for (RejectionReason reason : RejectionReason.values()) {
      rejected.put(
          reason,
          Counter.builder("parking.sensor.rejected")
              .description("Sensor messages rejected and sent to the dead-letter topic")
              .tag("reason", reason.tag())
              .register(meters));
    }
    this.duplicates = droppedCounter(meters, "duplicate");
    this.stale = droppedCounter(meters, "stale");
    this.heartbeats =
        Counter.builder("parking.sensor.heartbeats")
            .description("Sensor heartbeats admitted")
            .register(meters);
    this.lowBattery =
        Counter.builder("parking.sensor.alerts")
            .description("Operator alerts raised about sensors")
            .tag("type", EventTypes.SENSOR_LOW_BATTERY)
            .register(meters);
    this.failed = failedCounter(meters);
  }

  /**
   * Handles one message and catches every runtime exception, because an exception thrown from
   * Paho's {@code messageArrived} makes the client drop its connection. Unexpected errors are
   * logged and counted in {@code parking.sensor.failed}, and the message is lost.
   */
  public void handle(String topic, byte[] payload) {
    try {
      SensorMessage message = parser.parse(topic, payload);
      SpotStates spot = checkSpot(message);
      Admission admission = registry.admit(message, clock.instant());
      if (admission.outcome() != SensorRegistry.Outcome.ADMITTED) {
        drop(message, admission.outcome());
        return;
      }
      if (admission.wasOffline()) {
        log.info(
            "Sensor {} of spot {} (lot {}) is online again (sequence {})",
            message.sensorId(),
            message.spotId(),
            message.lotId(),
            message.sequence());
      }
      if (admission.lowBatteryRaised()) {
        raiseLowBattery(message, spot);
      }
      if (message instanceof SensorReading reading) {
        updater.onReading(reading, spot);
      } else {
        heartbeats.increment();
        log.debug(
            "Heartbeat of sensor {} for spot {} (sequence {}, battery {})",
            message.sensorId(),
            message.spotId(),
            message.sequence(),
            message.battery());
      }
    } catch (SensorMessageRejectedException e) {
      reject(topic, payload, e);
    } catch (RuntimeException e) {
      failed.increment();
      log.error("Failed to handle sensor message on {}; the message is lost", topic, e);
    }
  }

  private SpotStates checkSpot(SensorMessage message) {
    SpotStates spot = store.readSpot(message.spotId()).orElseThrow(() -> unknownSpot(message));
    if (spot.lotId() != message.lotId()) {
      throw new SensorMessageRejectedException(
          RejectionReason.LOT_MISMATCH,
          "spot "
              + message.spotId()
              + " belongs to lot "
              + spot.lotId()
              + ", not to lot "
              + message.lotId()
              + " named in the topic (sensor "
              + message.sensorId()
              + ")");
    }
    return spot;
  }

  private void drop(SensorMessage message, SensorRegistry.Outcome outcome) {
    (outcome == SensorRegistry.Outcome.DUPLICATE ? duplicates : stale).increment();
    log.debug(
        "Dropped {} message of sensor {} for spot {} (sequence {}, timestamp {})",
        outcome == SensorRegistry.Outcome.DUPLICATE ? "duplicate" : "stale",
        message.sensorId(),
        message.spotId(),
        message.sequence(),
        message.timestamp());
  }

  private void raiseLowBattery(SensorMessage message, SpotStates spot) {
    lowBattery.increment();
    log.warn(
        "Sensor {} of spot {} (lot {}) reports a low battery: {} %",
        message.sensorId(), message.spotId(), message.lotId(), message.battery());
    alerts.publish(
        EventTypes.SENSOR_LOW_BATTERY,
        new SensorAlert(
            spot.lotId(),
            spot.floorId(),
            message.spotId(),
            message.sensorId(),
            message.battery(),
            clock.instant()));
  }

  private void reject(String topic, byte[] payload, SensorMessageRejectedException rejection) {
    rejected.get(rejection.reason()).increment();
    rejectionLog.warn(topic, rejection.reason(), rejection.detail());
    deadLetters.publish(topic, payload, rejection.reason(), rejection.detail());
  }

  static SensorMessageRejectedException unknownSpot(SensorMessage message) {
    return new SensorMessageRejectedException(
        RejectionReason.UNKNOWN_SPOT,
        "spot "
            + message.spotId()
            + " is not registered in Redis (sensor "
            + message.sensorId()
            + ")");
  }

  /** Counter of messages dropped without an error, by reason. */
  static Counter droppedCounter(MeterRegistry meters, String reason) {
    return Counter.builder("parking.sensor.dropped")
        .description(
            "Sensor messages dropped as noise: duplicate, stale (older) or flapping (debounced)")
        .tag("reason", reason)
        .register(meters);
  }

  static Counter failedCounter(MeterRegistry meters) {
    return Counter.builder("parking.sensor.failed")
        .description("Sensor messages lost to an unexpected error, such as Redis being down")
        .register(meters);
  }
}
