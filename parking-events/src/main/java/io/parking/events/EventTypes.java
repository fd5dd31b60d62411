package io.parking.events;

/** Logical event type names carried in {@link EventEnvelope#type()}. */
public final class EventTypes {

  /** A driver reserved a spot; the spot is no longer free. */
  public static final String BOOKING_RESERVED = "booking.reserved";

  /** A reservation was cancelled by its driver. */
  public static final String BOOKING_CANCELLED = "booking.cancelled";

  /** A driver checked in: the reserved booking is now active. */
  public static final String BOOKING_ACTIVATED = "booking.activated";

  /** A driver left: the active booking is completed. */
  public static final String BOOKING_COMPLETED = "booking.completed";

  /** The driver did not check in within the grace period after the start: the booking expired. */
  public static final String BOOKING_EXPIRED = "booking.expired";

  /** A reserved or active booking now ends later. */
  public static final String BOOKING_EXTENDED = "booking.extended";

  /** A sensor reported a new occupancy state for its spot. */
  public static final String SENSOR_STATE_CHANGED = "sensor.state-changed";

  /**
   * A sensor sent neither a reading nor a heartbeat for the offline timeout. Its spot's sensor
   * state is unknown until it reports again. Sent on {@link Topics#OPERATOR_EVENTS}.
   */
  public static final String SENSOR_OFFLINE = "sensor.offline";

  /**
   * A sensor's battery fell below the alert threshold. Sent once per sensor until the battery is
   * back above the threshold, on {@link Topics#OPERATOR_EVENTS}.
   */
  public static final String SENSOR_LOW_BATTERY = "sensor.low-battery";

  /**
   * A car is still on the spot of an active booking well after the booking's window ended. Sent on
   * {@link Topics#OPERATOR_EVENTS}.
   */
  public static final String BOOKING_OVERSTAYED = "booking.overstayed";

  /**
   * A driver's reserved spot stays empty while an unbooked spot on the same floor was taken during
   * the driver's arrival window. Sent on {@link Topics#OPERATOR_EVENTS}.
   */
  public static final String BOOKING_WRONG_SPOT_SUSPECTED = "booking.wrong-spot-suspected";

  /**
   * A sensor saw a car on a spot no booking was due on; the payload is an {@link
   * UnreservedOccupancy}. Sent once per occupancy on {@link Topics#OPERATOR_EVENTS}.
   */
  public static final String SPOT_UNRESERVED_OCCUPANCY = "spot.unreserved-occupancy";

  /** A pre-authorisation hold was placed for a booking. */
  public static final String PAYMENT_AUTHORISED = "payment.authorised";

  /** A pre-authorisation hold was released. */
  public static final String PAYMENT_VOIDED = "payment.voided";

  /** Money was taken: a hold was captured, or an extra amount or a no-show fee was charged. */
  public static final String PAYMENT_CAPTURED = "payment.captured";

  /** A hold was declined, or a capture still failed after its retries. */
  public static final String PAYMENT_FAILED = "payment.failed";

  /** Captured money was paid back to the driver. */
  public static final String PAYMENT_REFUNDED = "payment.refunded";

  /** A parking session was paid in full; the payload is a {@link PaymentReceipt}. */
  public static final String PAYMENT_RECEIPT_ISSUED = "payment.receipt-issued";

  private EventTypes() {}
}
