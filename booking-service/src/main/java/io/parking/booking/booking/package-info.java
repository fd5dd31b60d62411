/** Reserving and cancelling spots, and the booking events sent after each commit. */
package io.parking.booking.booking;
