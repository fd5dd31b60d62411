/** Notification service: turns booking and payment events into a feed of messages per driver. */
package io.parking.notification;
