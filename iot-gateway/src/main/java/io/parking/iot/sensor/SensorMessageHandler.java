package io.parking.iot.sensor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.SensorState;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.availability.store.SpotAvailabilityStore.SpotStates;
import io.parking.availability.store.SpotUpdate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Handles one MQTT sensor message: validates it, applies the reading to the spot's Redis state and
 * publishes {@code sensor.state-changed}, or sends a rejected message to the dead-letter topic
 * without changing any state.
 *
 * <p>The event is published for every accepted reading, also when the spot's availability did not
 * change, because the booking service needs to learn that a car is parked in a booked spot.
 */
@Component
public class SensorMessageHandler {

  private static final Logger log = LoggerFactory.getLogger(SensorMessageHandler.class);

  private final SensorMessageParser parser;
  private final SpotAvailabilityStore store;
  private final SensorEventPublisher events;
  private final DeadLetterPublisher deadLetters;
  private final RejectionLog rejectionLog = new RejectionLog();
  private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
  private final Map<SpotUpdate.Outcome, Counter> accepted = new EnumMap<>(SpotUpdate.Outcome.class);
  private final Counter failed;

  SensorMessageHandler(
      SensorMessageParser parser,
      SpotAvailabilityStore store,
      SensorEventPublisher events,
      DeadLetterPublisher deadLetters,
      MeterRegistry meters) {
    this.parser = parser;
    this.store = store;
    this.events = events;
    this.deadLetters = deadLetters;
    for (RejectionReason reason : RejectionReason.values()) {
      rejected.put(
          reason,
          Counter.builder("parking.sensor.rejected")
              .description("Sensor messages rejected and sent to the dead-letter topic")
              .tag("reason", reason.tag())
              .register(meters));
    }
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
    this.failed =
        Counter.builder("parking.sensor.failed")
            .description("Sensor messages lost to an unexpected error, such as Redis being down")
            .register(meters);
  }

  /**
   * Handles one message and catches every runtime exception, because an exception thrown from
   * Paho's {@code messageArrived} makes the client drop its connection. Unexpected errors are
   * logged and counted in {@code parking.sensor.failed}, and the message is lost.
   */
  public void handle(String topic, byte[] payload) {
    try {
      SensorReading reading = parser.parse(topic, payload);
      apply(reading);
    } catch (SensorMessageRejectedException e) {
      reject(topic, payload, e);
    } catch (RuntimeException e) {
      failed.increment();
      log.error("Failed to handle sensor message on {}; the reading is lost", topic, e);
    }
  }

  private void apply(SensorReading reading) {
    SpotStates spot = store.readSpot(reading.spotId()).orElseThrow(() -> unknownSpot(reading));
    if (spot.lotId() != reading.lotId()) {
      throw new SensorMessageRejectedException(
          RejectionReason.LOT_MISMATCH,
          "spot "
              + reading.spotId()
              + " belongs to lot "
              + spot.lotId()
              + ", not to lot "
              + reading.lotId()
              + " named in the topic (sensor "
              + reading.sensorId()
              + ")");
    }

    // TODO: drop duplicates on (sensorId, sequence) here, before Redis is touched; QoS 1 and
    // sensor retries deliver the same reading more than once.

    SensorState state = reading.occupied() ? SensorState.OCCUPIED : SensorState.FREE;
    SpotUpdate update = store.applySensorState(reading.spotId(), state);
    if (update.outcome() == SpotUpdate.Outcome.UNKNOWN_SPOT) {
      // The spot was removed from Redis between the read above and this write.
      throw unknownSpot(reading);
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

  private void reject(String topic, byte[] payload, SensorMessageRejectedException rejection) {
    rejected.get(rejection.reason()).increment();
    rejectionLog.warn(topic, rejection.reason(), rejection.detail());
    deadLetters.publish(topic, payload, rejection.reason(), rejection.detail());
  }

  private static SensorMessageRejectedException unknownSpot(SensorReading reading) {
    return new SensorMessageRejectedException(
        RejectionReason.UNKNOWN_SPOT,
        "spot "
            + reading.spotId()
            + " is not registered in Redis (sensor "
            + reading.sensorId()
            + ")");
  }
}
