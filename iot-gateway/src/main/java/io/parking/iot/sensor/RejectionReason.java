package io.parking.iot.sensor;

/**
 * Reason for rejecting a sensor message. Its tag is the value of the {@code reason} metric tag and
 * dead-letter header, so the tags must not change.
 */
public enum RejectionReason {
  /** The topic does not have the form {@code {root}/lots/{lotId}/spots/{spotId}/state}. */
  INVALID_TOPIC("invalid-topic"),
  /** The payload is larger than {@code parking.sensor.max-payload-bytes}. */
  PAYLOAD_TOO_LARGE("payload-too-large"),
  /** The payload is not a JSON object. */
  MALFORMED_JSON("malformed-json"),
  /** A required field is absent or null. */
  MISSING_FIELD("missing-field"),
  /** A field has the wrong type or a value outside its range. */
  INVALID_FIELD("invalid-field"),
  /** The reading's timestamp lies further ahead than the allowed clock skew. */
  FUTURE_TIMESTAMP("future-timestamp"),
  /** No spot with the topic's spot id is registered in Redis. */
  UNKNOWN_SPOT("unknown-spot"),
  /** The spot is registered under another lot than the topic names. */
  LOT_MISMATCH("lot-mismatch");

  private final String tag;

  RejectionReason(String tag) {
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
