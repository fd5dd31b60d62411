/**
 * Applies the IoT gateway's sensor events to spots and bookings: check-in on arrival, completion on
 * exit, and the reconciliation records when reality and bookings disagree.
 */
package io.parking.booking.sensor;
