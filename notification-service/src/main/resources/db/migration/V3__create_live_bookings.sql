-- Operator alerts, driver overstay and wrong-spot notices, and booking reminders.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'HOLD_PLACED', 'HOLD_RELEASED',
                    'NO_SHOW', 'PAYMENT_CAPTURED', 'RECEIPT', 'CAPTURE_FAILED',
                    'SENSOR_OFFLINE', 'SENSOR_LOW_BATTERY', 'OVERSTAY_ALERT', 'WRONG_SPOT_ALERT',
                    'OVERSTAY', 'WRONG_SPOT_SUSPECTED', 'STARTING_SOON', 'ENDING_SOON'));

-- A driver gets each reminder at most once per booking.
CREATE UNIQUE INDEX notifications_reminder_once_idx ON notifications (booking_id, kind)
    WHERE kind IN ('STARTING_SOON', 'ENDING_SOON');

-- Reserved and active bookings seen on the booking topic, the input of the reminder job.
-- A row is removed when its booking is cancelled, expires or completes.
CREATE TABLE live_bookings (
    booking_id uuid        PRIMARY KEY,
    user_id    text        NOT NULL,
    lot_id     bigint      NOT NULL,
    spot_id    bigint      NOT NULL,
    start_time timestamptz NOT NULL,
    end_time   timestamptz NOT NULL,
    status     text        NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX live_bookings_start_idx ON live_bookings (start_time);
CREATE INDEX live_bookings_end_idx ON live_bookings (end_time);
