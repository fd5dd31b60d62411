package io.parking.iot.sensor;

/** Thrown when a sensor message fails validation; the message must not change any state. */
class SensorMessageRejectedException extends RuntimeException {

  private final RejectionReason reason;

  SensorMessageRejectedException(RejectionReason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  RejectionReason reason() {
    return reason;
  }

  /** Human-readable explanation naming the offending field or id. */
  String detail() {
    return getMessage();
  }
}
