/** Beans shared by the features: the Redis spot store, the Kafka topics and the clock. */
package io.parking.iot.config;
