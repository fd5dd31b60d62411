package io.parking.booking.booking;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code PATCH /api/bookings/{bookingId}}.
 *
 * @param endTime new end of the window, later than the current one
 */
record ExtendBookingRequest(@NotNull BookingTime endTime) {}
