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
  CAPTURE_FAILED,
  /** For operators: a sensor stopped reporting. */
  SENSOR_OFFLINE,
  /** For operators: a sensor's battery is low. */
  SENSOR_LOW_BATTERY,
  /** For operators: a car stays on its spot after the booking ended. */
  OVERSTAY_ALERT,
  /** For operators: a driver may have parked on another spot than the booked one. */
  WRONG_SPOT_ALERT,
  /** For operators: a car is parked on a spot that no booking was due on. */
  UNRESERVED_OCCUPANCY_ALERT,
  /** For the driver: the booking ended but the car is still on the spot. */
  OVERSTAY,
  /** For the driver: the booked spot is empty while another spot on its floor was taken. */
  WRONG_SPOT_SUSPECTED,
  /** For the driver: the booking starts soon. */
  STARTING_SOON,
  /** For the driver: the booking ends soon. */
  ENDING_SOON
}
