package io.parking.payment.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * The facts of a parking session that a bill needs.
 *
 * @param entryTime start of the billed stay, null for a no-show
 * @param exitTime end of the billed stay, null for a no-show
 */
record SessionFacts(
    UUID bookingId,
    String userId,
    long lotId,
    long spotId,
    Instant windowStart,
    Instant windowEnd,
    Instant entryTime,
    Instant exitTime) {}
