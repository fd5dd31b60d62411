/**
 * Settings, the Redis store and Kafka error handling, the HTTP access rules and the HTTP error
 * responses.
 */
package io.parking.availability.config;
