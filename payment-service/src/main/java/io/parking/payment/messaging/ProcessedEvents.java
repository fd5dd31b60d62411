package io.parking.payment.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code processed_events} table: ids of the events this service has already applied. */
@Component
public class ProcessedEvents {

  private final JdbcClient jdbc;

  public ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records the event id in the caller's transaction, so the id commits or rolls back together with
   * the event's effect.
   *
   * @return true when the id is new, false when the event was applied before
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean markProcessed(UUID eventId) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO processed_events (event_id, processed_at) VALUES (:eventId, now())
                ON CONFLICT (event_id) DO NOTHING
                """)
            .param("eventId", eventId)
            .update();
    return inserted == 1;
  }
}
