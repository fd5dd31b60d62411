package io.parking.booking.booking;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * Body of {@code POST /api/bookings}.
 *
 * @param spotId spot to reserve
 * @param startTime start of the window, an ISO-8601 instant with offset
 * @param endTime end of the window, after {@code startTime}
 */
record ReserveBookingRequest(
    @NotNull Long spotId, @NotNull Instant startTime, @NotNull Instant endTime) {}
