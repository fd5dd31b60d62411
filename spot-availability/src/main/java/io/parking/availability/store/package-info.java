/**
 * Spot states and counters in Redis. The only code that writes the counters ({@code
 * avail:{lotId}:{floorId}} and {@code floorstats:{lotId}:{floorId}}): the booking path, the sensor
 * path, the lot builder and the reconciliation pass change them through {@link
 * io.parking.availability.store.SpotAvailabilityStore}.
 */
package io.parking.availability.store;
