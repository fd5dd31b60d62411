/** Kafka plumbing shared by the consumers: envelope parsing and event-id deduplication. */
package io.parking.notification.messaging;
