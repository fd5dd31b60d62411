/**
 * Notification service: turns booking, payment and operator events into a feed of messages per
 * driver and for operators, and reminds drivers of bookings that start or end soon.
 */
package io.parking.notification;
