/**
 * Spot states and free-spot counters in Redis. The only code that writes the counters {@code
 * avail:{lotId}:{floorId}}: both the booking path and the sensor path change them through {@link
 * io.parking.availability.store.SpotAvailabilityStore}.
 */
package io.parking.availability.store;
