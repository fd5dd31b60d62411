/** Cross-cutting setup: configuration properties, Kafka topics and error handling, HTTP errors. */
package io.parking.booking.config;
