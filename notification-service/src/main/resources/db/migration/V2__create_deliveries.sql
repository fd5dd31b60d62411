-- Driver notifications for no-shows, receipts, captures and failed captures.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'HOLD_PLACED', 'HOLD_RELEASED',
                    'NO_SHOW', 'PAYMENT_CAPTURED', 'RECEIPT', 'CAPTURE_FAILED'));

-- One message per event, channel and target (an e-mail address or a webhook subscription),
-- sent by the delivery scheduler with retries; 'dead' rows ran out of attempts.
CREATE TABLE deliveries (
    delivery_id     uuid        PRIMARY KEY,
    event_id        uuid        NOT NULL,
    event_type      text        NOT NULL,
    channel         text        NOT NULL CHECK (channel IN ('email', 'webhook')),
    target          text        NOT NULL,
    user_id         text,
    booking_id      uuid,
    subject         text,
    body            text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        integer     NOT NULL,
    next_attempt_at timestamptz,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz NOT NULL,
    UNIQUE (event_id, channel, target)
);

CREATE INDEX deliveries_due_idx ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_user_idx ON deliveries (user_id, created_at DESC);
