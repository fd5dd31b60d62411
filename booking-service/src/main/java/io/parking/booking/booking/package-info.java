/** Reserving and cancelling spots, and the booking events stored in the outbox with each change. */
package io.parking.booking.booking;
