package io.parking.notification.delivery;

/** Thrown when one attempt at sending a delivery failed; the scheduler retries it later. */
class DeliveryFailedException extends RuntimeException {

  DeliveryFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
