/**
 * Kafka consumer plumbing shared by the services: reading event envelopes and sending records that
 * keep failing to dead-letter topics.
 */
package io.parking.support.messaging;
