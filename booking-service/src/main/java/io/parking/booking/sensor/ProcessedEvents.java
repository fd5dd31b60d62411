package io.parking.booking.sensor;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code processed_events} table: ids of Kafka events already applied. */
@Repository
class ProcessedEvents {

  private final JdbcClient jdbc;

  ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records an event id in the caller's transaction. Returns false if the id is recorded already,
   * meaning the event was applied before and must be skipped. A concurrent transaction recording
   * the same id makes this call wait for it and then return false.
   */
  boolean markProcessed(UUID eventId) {
    int inserted =
        jdbc.sql("INSERT INTO processed_events (event_id) VALUES (:eventId) ON CONFLICT DO NOTHING")
            .param("eventId", eventId)
            .update();
    return inserted == 1;
  }
}
