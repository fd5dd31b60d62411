-- Messages for drivers, one per source event and kind.
CREATE TABLE notifications (
    notification_id uuid        PRIMARY KEY,
    user_id         text        NOT NULL,
    booking_id      uuid,
    kind            text        NOT NULL
        CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'HOLD_PLACED', 'HOLD_RELEASED')),
    message         text        NOT NULL,
    -- Id of the Kafka event that caused the notification.
    source_event_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (source_event_id, kind)
);

-- The feed reads one driver's notifications, newest first.
CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC);

-- Ids of the Kafka events already applied, written in the same transaction as their effect.
CREATE TABLE processed_events (
    event_id     uuid        PRIMARY KEY,
    processed_at timestamptz NOT NULL
);
