/** The booking path: booking events from Kafka applied to the spots' booking states in Redis. */
package io.parking.availability.booking;
