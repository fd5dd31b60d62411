-- Transactional outbox of the payment events: each event is written in the transaction of the
-- payment change that caused it, and the relay of module transactional-outbox
-- (io.parking.outbox.OutboxRelay) sends it to Kafka afterwards. The columns are the ones that
-- module documents.

CREATE TABLE outbox_events (
    -- Insertion order. Rows of one key are inserted under a transaction-level lock on that key,
    -- so within a key this order is also the commit order.
    id            bigserial    PRIMARY KEY,
    topic         varchar(249) NOT NULL,
    -- Kafka record key, and the unit of ordering: the booking id for payment events.
    aggregate_key varchar(64)  NOT NULL,
    event_id      uuid         NOT NULL,
    event_type    varchar(64)  NOT NULL,
    -- The EventEnvelope JSON exactly as sent. Type json (not jsonb) keeps the text unchanged.
    payload       json         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    -- Set when Kafka acknowledged the record; null while the event waits to be sent.
    published_at  timestamptz,
    -- Failed send attempts so far, and the last failure, for operators.
    attempts      integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error    varchar(1000),
    CONSTRAINT outbox_events_event_id_uq UNIQUE (event_id)
);

-- The relay reads unpublished rows in id order; published rows stay until purged.
CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;

CREATE INDEX outbox_events_published_at_idx ON outbox_events (published_at)
    WHERE published_at IS NOT NULL;
