package io.parking.outbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code outbox_events} table of the current schema. Every method runs in the transaction bound
 * to the calling thread.
 *
 * <p>Advisory locks are database-wide, so each lock id includes a hash of the current schema.
 * Services or test runs that share a database but not a schema then wait for each other only when
 * two hashes collide. The lock spaces are the ones booking-service's own outbox uses, so that while
 * a service moves onto this module its old and new instances still exclude each other.
 */
class OutboxEvents {

  /** First half of the lock id that serializes the transactions storing events of one key. */
  static final int KEY_LOCK_SPACE = 0x4F425831;

  /** First half of the lock id held by the one relay that may run at a time in a schema. */
  static final int RELAY_LOCK_SPACE = 0x4F425832;

  /** Length of the {@code last_error} column. */
  static final int MAX_ERROR_LENGTH = 1000;

  /** An event waiting to be sent, as read by the relay. */
  record PendingEvent(
      long id, String topic, String key, UUID eventId, String type, String payload) {}

  private final JdbcClient jdbc;

  OutboxEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Waits for, then holds until the transaction ends, the lock on storing events of {@code key}.
   */
  void lockKey(String key) {
    // pg_advisory_xact_lock returns void, which JDBC cannot map, so the query selects a constant.
    jdbc.sql(
            """
            SELECT 1
            FROM (SELECT pg_advisory_xact_lock(:space, hashtext(current_schema() || '/' || :key)))
                AS locked
            """)
        .param("space", KEY_LOCK_SPACE)
        .param("key", key)
        .query(Integer.class)
        .single();
  }

  /** Inserts the message as an unsent event and returns the new row's id. */
  long insert(OutboxMessage message) {
    return jdbc.sql(
            """
            INSERT INTO outbox_events (topic, aggregate_key, event_id, event_type, payload)
            VALUES (:topic, :key, :eventId, :type, CAST(:payload AS json))
            RETURNING id
            """)
        .param("topic", message.topic())
        .param("key", message.key())
        .param("eventId", message.eventId())
        .param("type", message.type())
        .param("payload", message.payload())
        .query(Long.class)
        .single();
  }

  /**
   * Takes the relay lock of the current schema until the transaction ends. Returns false at once,
   * without waiting, when another relay has it.
   */
  boolean tryLockRelay() {
    return jdbc.sql("SELECT pg_try_advisory_xact_lock(:space, hashtext(current_schema()))")
        .param("space", RELAY_LOCK_SPACE)
        .query(Boolean.class)
        .single();
  }

  /**
   * Locks and returns up to {@code limit} unsent events, oldest first. The rows are read with
   * {@code FOR UPDATE}, not {@code SKIP LOCKED}, because skipping a locked row could send a later
   * event of its key first.
   */
  List<PendingEvent> lockUnsent(int limit) {
    return jdbc.sql(
            """
            SELECT id, topic, aggregate_key, event_id, event_type, payload::text AS payload
            FROM outbox_events
            WHERE published_at IS NULL
            ORDER BY id
            LIMIT :limit
            FOR UPDATE
            """)
        .param("limit", limit)
        .query(
            (rs, rowNum) ->
                new PendingEvent(
                    rs.getLong("id"),
                    rs.getString("topic"),
                    rs.getString("aggregate_key"),
                    rs.getObject("event_id", UUID.class),
                    rs.getString("event_type"),
                    rs.getString("payload")))
        .list();
  }

  void markPublished(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE outbox_events SET published_at = now() WHERE id IN (:ids)")
        .param("ids", ids)
        .update();
  }

  /** Counts a failed send of row {@code id}, stores the error and returns the attempts so far. */
  int recordFailure(long id, String error) {
    String stored =
        error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    return jdbc.sql(
            "UPDATE outbox_events SET attempts = attempts + 1, last_error = :error"
                + " WHERE id = :id RETURNING attempts")
        .param("error", stored)
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  /** Deletes the events sent before {@code cutoff} and returns how many it deleted. */
  int deletePublishedBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM outbox_events WHERE published_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff))
        .update();
  }
}
