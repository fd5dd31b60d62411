package io.parking.outbox;

import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores events in the outbox, inside the transaction of the change that caused them. The relay
 * sends them to Kafka once that transaction has committed, so a rolled-back change sends nothing
 * and a committed one is sent even when Kafka is down at the time or the process stops right after
 * the commit.
 */
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final OutboxEvents events;
  private final DataSource dataSource;

  Outbox(OutboxEvents events, DataSource dataSource) {
    this.events = events;
    this.dataSource = dataSource;
  }

  /**
   * Stores {@code message} in the caller's transaction, so it is sent only if that transaction
   * commits.
   *
   * <p>Until the caller's transaction ends, other transactions storing an event with the same key
   * wait here. Events of one key therefore commit in the order of their ids, which is the order the
   * relay sends them in. A caller that also locks rows should lock them before this call, because
   * taking a row lock after it can deadlock with a transaction that has that row and waits here.
   *
   * @throws IllegalTransactionStateException when no transaction is active, or when the active one
   *     does not cover the outbox's {@link DataSource}; an event stored on its own could describe a
   *     change that never committed
   * @throws org.springframework.dao.DuplicateKeyException when an event with the same event id is
   *     already stored
   */
  public void append(OutboxMessage message) {
    requireTransaction(message);
    events.lockKey(message.key());
    long id = events.insert(message);
    log.debug(
        "Stored {} event {} with key {} for {} as outbox row {}",
        message.type(),
        message.eventId(),
        message.key(),
        message.topic(),
        id);
  }

  private void requireTransaction(OutboxMessage message) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "Outbox.append was called outside a transaction for "
              + message.type()
              + " event "
              + message.eventId()
              + ": call it inside the transaction that changes the data the event describes");
    }
    if (!TransactionSynchronizationManager.hasResource(dataSource)) {
      throw new IllegalTransactionStateException(
          "Outbox.append was called in a transaction that does not manage the outbox's DataSource"
              + " for "
              + message.type()
              + " event "
              + message.eventId()
              + ": use a transaction manager over that DataSource, such as Boot's JPA or JDBC one");
    }
  }
}
