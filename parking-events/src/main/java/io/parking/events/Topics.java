package io.parking.events;

/**
 * Kafka topic names. Records are keyed by spot id on the booking and sensor topics, so that the
 * events of one spot stay in order, and by booking id on the payment topic.
 */
public final class Topics {

  /** Booking lifecycle events ({@link BookingChanged}), keyed by spot id. */
  public static final String BOOKING_EVENTS = "parking.booking.events";

  /** Applied sensor readings ({@link SensorStateChanged}), keyed by spot id. */
  public static final String SENSOR_EVENTS = "parking.sensor.events";

  /** Payment events ({@link PaymentChanged}), keyed by booking id. */
  public static final String PAYMENT_EVENTS = "parking.payment.events";

  /**
   * Alerts for operators ({@link SensorAlert}, {@link BookingOverstayed}, {@link
   * WrongSpotSuspected}, {@link UnreservedOccupancy}), keyed by spot id.
   */
  public static final String OPERATOR_EVENTS = "parking.operator.events";

  /** MQTT messages the IoT gateway rejected, with the raw payload and the reason. */
  public static final String SENSOR_DEAD_LETTER = "parking.sensor.dlt";

  /** Suffix of a consumer's dead-letter topic, appended to the source topic name. */
  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  private Topics() {}
}
