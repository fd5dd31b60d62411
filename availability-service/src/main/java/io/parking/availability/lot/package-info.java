/** The lot builder: the Redis state of lots missing from Redis, read from the booking service. */
package io.parking.availability.lot;
