package io.parking.booking.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Stores events in the outbox, inside the transaction of the change that caused them. */
@Component
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  private final OutboxEvents events;

  Outbox(OutboxEvents events) {
    this.events = events;
  }

  /**
   * Stores {@code message} in the caller's transaction, so it is sent only if that transaction
   * commits. Throws {@link org.springframework.transaction.IllegalTransactionStateException} when
   * called outside a transaction, because an event stored on its own could describe a change that
   * never committed.
   *
   * <p>Until the caller's transaction ends, other transactions storing an event with the same key
   * wait here. Events of one key therefore commit in the order of their ids, which is the order the
   * relay sends them in.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void append(OutboxMessage message) {
    events.lockKey(message.key());
    long id = events.insert(message);
    log.debug(
        "Stored {} event {} with key {} in the outbox as row {}",
        message.type(),
        message.eventId(),
        message.key(),
        id);
  }
}
