package io.parking.notification.notification;

/** Kind of event a notification reports, stored by its name. */
public enum NotificationKind {
  BOOKING_CONFIRMED,
  BOOKING_CANCELLED,
  HOLD_PLACED,
  HOLD_RELEASED,
  NO_SHOW,
  PAYMENT_CAPTURED,
  RECEIPT,
  CAPTURE_FAILED
}
