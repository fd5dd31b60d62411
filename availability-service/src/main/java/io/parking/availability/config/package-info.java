/** Settings, the Redis store and Kafka error handling, and the HTTP error responses. */
package io.parking.availability.config;
