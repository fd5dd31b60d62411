package io.parking.booking.booking;

import io.parking.events.BookingChanged;
import io.parking.events.EventEnvelope;

/**
 * A booking event created inside the transaction that changed the booking, to be sent to Kafka once
 * that transaction commits.
 */
record PendingBookingEvent(EventEnvelope<BookingChanged> envelope) {}
