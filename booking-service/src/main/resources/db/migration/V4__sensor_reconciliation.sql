-- Records of the reconciliation of bookings with what the spot sensors report, for operators.
-- lot_id and floor_id are copied from the spot, so the operator API filters without joins.

-- A car on a spot without a booking due at that time. Open while ended_at is null.
CREATE TABLE unreserved_occupancies (
    id         bigserial    PRIMARY KEY,
    lot_id     bigint       NOT NULL REFERENCES lots (lot_id),
    floor_id   bigint       NOT NULL REFERENCES floors (floor_id),
    spot_id    bigint       NOT NULL REFERENCES spots (spot_id),
    sensor_id  varchar(128) NOT NULL,
    started_at timestamptz  NOT NULL,
    ended_at   timestamptz,
    CONSTRAINT unreserved_occupancies_period_ck CHECK (ended_at IS NULL OR ended_at >= started_at)
);

-- At most one open record per spot, so a repeated reading does not open a second one.
CREATE UNIQUE INDEX unreserved_occupancies_open_uq ON unreserved_occupancies (spot_id)
    WHERE ended_at IS NULL;
CREATE INDEX unreserved_occupancies_lot_idx ON unreserved_occupancies (lot_id, started_at DESC);

-- A reserved spot stayed empty while an unbooked spot on the same floor was taken during the
-- booking's arrival window. The booking is never moved to the other spot.
CREATE TABLE wrong_spot_suspicions (
    id               bigserial    PRIMARY KEY,
    lot_id           bigint       NOT NULL REFERENCES lots (lot_id),
    floor_id         bigint       NOT NULL REFERENCES floors (floor_id),
    booking_id       uuid         NOT NULL REFERENCES bookings (booking_id),
    user_id          varchar(128) NOT NULL,
    booked_spot_id   bigint       NOT NULL REFERENCES spots (spot_id),
    occupied_spot_id bigint       NOT NULL REFERENCES spots (spot_id),
    sensor_id        varchar(128) NOT NULL,
    detected_at      timestamptz  NOT NULL,
    CONSTRAINT wrong_spot_suspicions_uq UNIQUE (booking_id, occupied_spot_id)
);

CREATE INDEX wrong_spot_suspicions_lot_idx ON wrong_spot_suspicions (lot_id, detected_at DESC);

-- An active booking whose car was still on the spot after the window's end plus the overstay
-- grace. ended_at is set when the car leaves.
CREATE TABLE overstays (
    booking_id uuid         PRIMARY KEY REFERENCES bookings (booking_id),
    lot_id     bigint       NOT NULL REFERENCES lots (lot_id),
    floor_id   bigint       NOT NULL REFERENCES floors (floor_id),
    spot_id    bigint       NOT NULL REFERENCES spots (spot_id),
    user_id    varchar(128) NOT NULL,
    end_time   timestamptz  NOT NULL,
    flagged_at timestamptz  NOT NULL,
    ended_at   timestamptz
);

CREATE INDEX overstays_lot_idx ON overstays (lot_id, flagged_at DESC);
