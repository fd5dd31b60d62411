-- Pre-authorisation holds and their later voids or captures, one row per idempotency key.
CREATE TABLE payments (
    payment_id      uuid        PRIMARY KEY,
    booking_id      uuid        NOT NULL,
    user_id         text        NOT NULL,
    -- Integer minor units of the currency (cents); money is never stored as floating point.
    amount_minor    bigint      NOT NULL CHECK (amount_minor >= 0),
    currency        char(3)     NOT NULL,
    method          text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('authorised', 'voided', 'captured', 'failed')),
    -- Key sent to the card processor, derived from the booking (preauth:{bookingId}), so a
    -- replayed booking event can never place a second hold.
    idempotency_key text        NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX payments_booking_id_idx ON payments (booking_id);

-- Ids of the Kafka events already applied, written in the same transaction as their effect.
CREATE TABLE processed_events (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
