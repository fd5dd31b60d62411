/** Applies the IoT gateway's sensor events to spot states. */
package io.parking.booking.sensor;
