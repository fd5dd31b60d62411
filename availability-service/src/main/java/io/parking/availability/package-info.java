/**
 * The availability service: serves free-spot counts per lot and floor from Redis, applies booking
 * events to them and builds the Redis state of lots from the booking service's layouts.
 */
package io.parking.availability;
