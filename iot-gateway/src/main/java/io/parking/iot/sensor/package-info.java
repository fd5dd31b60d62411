/**
 * Handling of one sensor message: validation, the Redis state change, the {@code
 * sensor.state-changed} event and the dead letter of rejected messages.
 */
package io.parking.iot.sensor;
