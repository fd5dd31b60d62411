-- Several bookings per spot for different time windows, the no-show status, and idempotency keys.

-- btree_gist lets one GiST index combine equality on spot_id with range overlap. It goes to the
-- public schema so that dropping one service schema never drops the extension for the others;
-- PostgreSQL finds a type's default operator class whatever the search path.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('reserved', 'active', 'completed', 'cancelled', 'expired'));

-- Replaces "one live booking per spot": live bookings of a spot may not overlap. Windows are
-- half-open, so a booking ending at 09:00 and one starting at 09:00 do not overlap.
DROP INDEX bookings_live_spot_uq;
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap_ex
    EXCLUDE USING gist (spot_id WITH =, tstzrange(start_time, end_time, '[)') WITH &&)
    WHERE (status IN ('reserved', 'active'));

-- The expiry job looks for reserved bookings whose start is past.
CREATE INDEX bookings_reserved_start_idx ON bookings (start_time) WHERE status = 'reserved';

-- A driver's bookings, newest first.
DROP INDEX bookings_user_idx;
CREATE INDEX bookings_user_created_idx ON bookings (user_id, created_at DESC);

-- Idempotency-Key values of booking requests, written in the booking's transaction. A retry with
-- the same key and request hash returns booking_id instead of booking again.
CREATE TABLE idempotency_keys (
    user_id      varchar(128) NOT NULL,
    key          varchar(255) NOT NULL,
    -- SHA-256 of the request's endpoint and normalized body, hex encoded.
    request_hash char(64)     NOT NULL,
    -- Null only between claiming the key and inserting the booking, inside one transaction.
    booking_id   uuid REFERENCES bookings (booking_id),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
