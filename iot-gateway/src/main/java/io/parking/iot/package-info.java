/** IoT gateway: applies the spot sensors' MQTT readings to Redis and publishes them to Kafka. */
package io.parking.iot;
