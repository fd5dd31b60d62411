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

  /** Nobody checked in within the grace period after the start: the reservation expired. */
  public static final String BOOKING_EXPIRED = "booking.expired";

  /** A reserved or active booking now ends later. */
  public static final String BOOKING_EXTENDED = "booking.extended";

  /** A sensor reported a new occupancy state for its spot. */
  public static final String SENSOR_STATE_CHANGED = "sensor.state-changed";

  /** A pre-authorisation hold was placed for a booking. */
  public static final String PAYMENT_AUTHORISED = "payment.authorised";

  /** A pre-authorisation hold was released. */
  public static final String PAYMENT_VOIDED = "payment.voided";

  private EventTypes() {}
}
