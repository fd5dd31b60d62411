/**
 * Transactional outbox: events stored in the transaction of the change that caused them, then
 * relayed to Kafka in order per key.
 *
 * <h2>Use</h2>
 *
 * <p>Depend on {@code io.parking:transactional-outbox}; {@link OutboxAutoConfiguration} then
 * provides an {@link Outbox}. Call {@link Outbox#append(OutboxMessage)} inside the transaction that
 * changes the data the event describes. The relay sends each stored event after that transaction
 * commits, as a record with the message's key and the payload unchanged as its value, and never
 * sends an event whose transaction rolled back.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>Per-key order: appending takes a transaction-level advisory lock on the key ({@code
 *       pg_advisory_xact_lock}), so two transactions storing events of one key commit in the order
 *       of their row ids. The relay sends the events of a key in id order, and sends the next one
 *       only after Kafka acknowledged the previous one.
 *   <li>One relay at a time per schema: each relay transaction takes {@code
 *       pg_try_advisory_xact_lock} on the schema, and an instance that does not get it skips the
 *       run. Several instances or threads may therefore run the relay at once.
 *   <li>At least once: a crash after Kafka's acknowledgement and before the relay's commit sends
 *       the event again. Consumers deduplicate on the event id inside the payload.
 *   <li>A failed event holds back the later events of its key, and there is no dead-letter step;
 *       {@code attempts} and {@code last_error} show operators which row is stuck.
 * </ul>
 *
 * <h2>Required table</h2>
 *
 * <p>Each service creates the table in its own schema with its own Flyway migration. The relay and
 * the locks work on the schema the DataSource's connections use ({@code current_schema()}). The
 * module needs PostgreSQL for the advisory locks and the {@code json} type:
 *
 * <pre>{@code
 * CREATE TABLE outbox_events (
 *     id            bigserial    PRIMARY KEY,
 *     topic         varchar(249) NOT NULL,
 *     aggregate_key varchar(64)  NOT NULL,
 *     event_id      uuid         NOT NULL,
 *     event_type    varchar(64)  NOT NULL,
 *     -- json, not jsonb, so the bytes sent are the bytes stored.
 *     payload       json         NOT NULL,
 *     created_at    timestamptz  NOT NULL DEFAULT now(),
 *     published_at  timestamptz,
 *     attempts      integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
 *     last_error    varchar(1000),
 *     CONSTRAINT outbox_events_event_id_uq UNIQUE (event_id)
 * );
 *
 * CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;
 *
 * CREATE INDEX outbox_events_published_at_idx ON outbox_events (published_at)
 *     WHERE published_at IS NOT NULL;
 * }</pre>
 *
 * <h2>Settings</h2>
 *
 * <p>{@link OutboxProperties} lists {@code parking.outbox.*}. The relay sends with the service's
 * producer factory, which must serialize keys and values with {@code StringSerializer} (Boot's
 * default). Set the producer's {@code max.block.ms} and {@code delivery.timeout.ms} so that
 * together they stay below {@code parking.outbox.send-timeout}; Kafka's defaults (60 s and 120 s)
 * exceed the default send timeout of 25 s.
 */
package io.parking.outbox;
