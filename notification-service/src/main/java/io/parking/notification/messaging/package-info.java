/**
 * Event-id deduplication of the Kafka consumers. Envelope reading and dead-lettering come from
 * {@code io.parking.support.messaging} in service-support.
 */
package io.parking.notification.messaging;
