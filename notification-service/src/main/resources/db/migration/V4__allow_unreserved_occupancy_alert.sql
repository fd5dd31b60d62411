-- Operator alert for a car on a spot that no booking was due on.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
    CHECK (kind IN ('BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'HOLD_PLACED', 'HOLD_RELEASED',
                    'NO_SHOW', 'PAYMENT_CAPTURED', 'RECEIPT', 'CAPTURE_FAILED',
                    'SENSOR_OFFLINE', 'SENSOR_LOW_BATTERY', 'OVERSTAY_ALERT', 'WRONG_SPOT_ALERT',
                    'UNRESERVED_OCCUPANCY_ALERT',
                    'OVERSTAY', 'WRONG_SPOT_SUSPECTED', 'STARTING_SOON', 'ENDING_SOON'));
