-- Captures, extra charges and refunds next to the holds.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('authorised', 'voided', 'captured', 'failed', 'refunded'));
-- 'hold' is a pre-authorisation; 'charge' is an extra amount taken at exit beyond the hold.
ALTER TABLE payments ADD COLUMN kind text NOT NULL DEFAULT 'hold' CHECK (kind IN ('hold', 'charge'));
-- The card processor's reference of the hold; null for holds placed before this column existed.
ALTER TABLE payments ADD COLUMN provider_reference text;
ALTER TABLE payments ADD COLUMN captured_minor bigint NOT NULL DEFAULT 0 CHECK (captured_minor >= 0);
ALTER TABLE payments ADD COLUMN capture_reference text;
-- Idempotency key of the capture, so a repeated capture request is recognised.
ALTER TABLE payments ADD COLUMN capture_key text UNIQUE;
-- Idempotency key of the refund of the captured amount.
ALTER TABLE payments ADD COLUMN refund_key text UNIQUE;

-- At most one live hold per booking: a second authorisation under another key is a conflict.
CREATE UNIQUE INDEX payments_one_live_hold_idx ON payments (booking_id)
    WHERE kind = 'hold' AND status = 'authorised';

-- Check-in times seen on booking.activated, the entry time of the bill.
CREATE TABLE booking_entries (
    booking_id uuid        PRIMARY KEY,
    entered_at timestamptz NOT NULL
);

-- What a finished booking costs and how far taking the money got; paid ones are receipts.
CREATE TABLE settlements (
    booking_id       uuid        PRIMARY KEY,
    receipt_id       uuid        NOT NULL UNIQUE,
    user_id          text        NOT NULL,
    lot_id           bigint      NOT NULL,
    spot_id          bigint      NOT NULL,
    reason           text        NOT NULL CHECK (reason IN ('completed', 'no_show')),
    window_start     timestamptz NOT NULL,
    window_end       timestamptz NOT NULL,
    entry_time       timestamptz,
    exit_time        timestamptz,
    amount_minor     bigint      NOT NULL CHECK (amount_minor >= 0),
    currency         char(3)     NOT NULL,
    -- Part of the amount taken from the hold, and the rest charged separately.
    hold_part_minor  bigint      NOT NULL CHECK (hold_part_minor >= 0),
    extra_part_minor bigint      NOT NULL CHECK (extra_part_minor >= 0),
    hold_settled     boolean     NOT NULL,
    extra_settled    boolean     NOT NULL,
    -- JSON array of {description, amountMinor}: the rate breakdown of the receipt.
    breakdown        text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
    attempts         integer     NOT NULL,
    next_attempt_at  timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);

CREATE INDEX settlements_due_idx ON settlements (next_attempt_at) WHERE status = 'pending';
