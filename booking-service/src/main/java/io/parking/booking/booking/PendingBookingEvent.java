package io.parking.booking.booking;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;

/**
 * A booking event created inside the transaction that changed the booking. Publishing it stores the
 * envelope in the outbox within that transaction; the outbox relay sends it to Kafka after the
 * commit.
 */
record PendingBookingEvent(EventEnvelope<BookingChanged> envelope) {}
