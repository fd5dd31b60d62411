/**
 * Transactional outbox: events stored in the transaction of the change that caused them, then
 * relayed to Kafka in order per key.
 */
package io.parking.booking.outbox;
