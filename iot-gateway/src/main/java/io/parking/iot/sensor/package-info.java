/**
 * Handling of sensor messages: validation, dropping duplicates and older messages, the debounced
 * Redis state change, the {@code sensor.state-changed} event, sensor health alerts (offline, low
 * battery) and the dead letter of rejected messages.
 */
package io.parking.iot.sensor;
