/**
 * Cross-cutting setup: configuration properties, Kafka topics and error handling, the roles each
 * path needs, HTTP errors.
 */
package io.parking.booking.config;
