/** The MQTT subscription to the sensor topics and its health indicator. */
package io.parking.iot.mqtt;
