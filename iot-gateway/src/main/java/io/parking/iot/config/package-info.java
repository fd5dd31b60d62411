/**
 * Beans shared by the features: the Redis spot store, the Kafka topics and the clock, and the HTTP
 * access rules and error responses.
 */
package io.parking.iot.config;
