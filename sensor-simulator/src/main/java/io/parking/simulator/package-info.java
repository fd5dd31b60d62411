/** A day of a lot's spot sensors, published over MQTT at a chosen speed-up for demos. */
package io.parking.simulator;
