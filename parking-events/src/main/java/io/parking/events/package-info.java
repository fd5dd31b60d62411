/** Wire contracts of the platform's Kafka events: the envelope, payload records and topics. */
package io.parking.events;
