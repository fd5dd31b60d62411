/** Booking service: lots, floors, spots and bookings, with collision-free reservations. */
package io.parking.booking;
