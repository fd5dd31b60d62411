package io.parking.availability.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parking.availability.store.BookingState;
import io.parking.availability.store.SpotAvailabilityStore;
import io.parking.availability.store.SpotUpdate;
import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;
import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.support.messaging.EventReader;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies booking events to the spots' booking states in Redis. A spot can carry several bookings
 * for different windows, so each event's {@code spotHeld} field decides: true holds the spot, false
 * releases it. Events written before that field existed fall back to the event type ({@code
 * booking.reserved} holds, {@code booking.cancelled} releases). Other event types are ignored.
 *
 * <p>A record that fails here is retried and then sent to the dead-letter topic by the error
 * handler of the listener container.
 */
@Component
class BookingEventListener {

  private static final Logger log = LoggerFactory.getLogger(BookingEventListener.class);

  static final String CHANGES_METRIC = "parking.availability.changes";

  /** Booking event types this listener applies. */
  private static final Set<String> BOOKING_TYPES =
      Set.of(
          EventTypes.BOOKING_RESERVED,
          EventTypes.BOOKING_CANCELLED,
          EventTypes.BOOKING_ACTIVATED,
          EventTypes.BOOKING_COMPLETED,
          EventTypes.BOOKING_EXPIRED,
          EventTypes.BOOKING_EXTENDED);

  private final SpotAvailabilityStore store;
  private final ProcessedEvents processedEvents;
  private final EventReader reader;
  private final JsonMapper mapper;
  private final Map<SpotUpdate.Outcome, Counter> changeCounters =
      new EnumMap<>(SpotUpdate.Outcome.class);
  private final Counter duplicateCounter;

  BookingEventListener(
      SpotAvailabilityStore store,
      ProcessedEvents processedEvents,
      EventReader reader,
      JsonMapper mapper,
      MeterRegistry meterRegistry) {
    this.store = store;
    this.processedEvents = processedEvents;
    this.reader = reader;
    this.mapper = mapper;
    for (SpotUpdate.Outcome outcome : SpotUpdate.Outcome.values()) {
      changeCounters.put(
          outcome, changeCounter(meterRegistry, outcome.name().toLowerCase(Locale.ROOT)));
    }
    this.duplicateCounter = changeCounter(meterRegistry, "duplicate");
  }

  private static Counter changeCounter(MeterRegistry meterRegistry, String outcome) {
    return Counter.builder(CHANGES_METRIC)
        .description("Booking events applied to the Redis spot states, by outcome")
        .tag("outcome", outcome)
        .register(meterRegistry);
  }

  @KafkaListener(topics = Topics.BOOKING_EVENTS)
  void onBookingEvent(ConsumerRecord<String, String> record) {
    // The payload stays a tree until the type is known, so an event type this service does not
    // handle is ignored whatever its payload looks like.
    EventEnvelope<JsonNode> envelope = reader.read(record.value(), JsonNode.class);
    if (!BOOKING_TYPES.contains(envelope.type())) {
      log.debug("event {} of type {} ignored", envelope.eventId(), envelope.type());
      return;
    }
    if (processedEvents.contains(envelope.eventId())) {
      log.debug(
          "event {} for booking {} already applied, skipped",
          envelope.eventId(),
          envelope.aggregateId());
      duplicateCounter.increment();
      return;
    }

    BookingChanged booking = mapper.treeToValue(envelope.payload(), BookingChanged.class);
    BookingState state = bookingStateAfter(envelope.type(), booking);
    SpotUpdate update = store.applyBookingState(booking.spotId(), state);
    // The event is marked only after the change is applied. If the service stops in between, the
    // redelivered event sets the same booking state again, which the store reports as UNCHANGED
    // without moving a counter, so the crash window cannot count a spot twice.
    processedEvents.markProcessed(envelope.eventId());

    changeCounters.get(update.outcome()).increment();
    logUpdate(envelope, booking, state, update);
  }

  /**
   * Returns the spot's booking state after the event: {@code spotHeld} when the producer set it,
   * else the rule of events written before that field, where the event type alone decided.
   */
  static BookingState bookingStateAfter(String eventType, BookingChanged booking) {
    if (booking.spotHeld() != null) {
      return booking.spotHeld() ? BookingState.RESERVED : BookingState.NONE;
    }
    return switch (eventType) {
      case EventTypes.BOOKING_RESERVED, EventTypes.BOOKING_ACTIVATED, EventTypes.BOOKING_EXTENDED ->
          BookingState.RESERVED;
      default -> BookingState.NONE;
    };
  }

  private void logUpdate(
      EventEnvelope<JsonNode> envelope,
      BookingChanged booking,
      BookingState state,
      SpotUpdate update) {
    if (update.outcome() != SpotUpdate.Outcome.UNKNOWN_SPOT) {
      log.debug(
          "booking {} on spot {} (lot {}, floor {}): booking state {}, {}",
          booking.bookingId(),
          booking.spotId(),
          update.lotId(),
          update.floorId(),
          state,
          update.outcome());
      return;
    }
    if (store.isRegistered(booking.lotId())) {
      // NOTE: the lot builder only builds lots missing from Redis, and the reconciliation pass
      // only corrects spots Redis has, so this spot counts nowhere until the lot is rebuilt.
      log.warn(
          "booking {} on spot {}: lot {} is in Redis but the spot is missing, probably added"
              + " after the lot was built. Event {} changed no count",
          booking.bookingId(),
          booking.spotId(),
          booking.lotId(),
          envelope.eventId());
    } else {
      // A build can read the layout before the booking commits and write it after this event.
      // That build misses the booking until the next reconciliation pass corrects the spot.
      log.info(
          "booking {} on spot {}: lot {} is not in Redis yet, so event {} changed no count. The"
              + " lot's build reads the booking from the booking service",
          booking.bookingId(),
          booking.spotId(),
          booking.lotId(),
          envelope.eventId());
    }
  }
}
