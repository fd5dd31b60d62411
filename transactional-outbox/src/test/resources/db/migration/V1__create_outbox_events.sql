-- The outbox table exactly as the package documentation of io.parking.outbox documents it.
CREATE TABLE outbox_events (
    id            bigserial    PRIMARY KEY,
    topic         varchar(249) NOT NULL,
    aggregate_key varchar(64)  NOT NULL,
    event_id      uuid         NOT NULL,
    event_type    varchar(64)  NOT NULL,
    payload       json         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    published_at  timestamptz,
    attempts      integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error    varchar(1000),
    CONSTRAINT outbox_events_event_id_uq UNIQUE (event_id)
);

CREATE INDEX outbox_events_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL;

CREATE INDEX outbox_events_published_at_idx ON outbox_events (published_at)
    WHERE published_at IS NOT NULL;
