package io.parking.availability.lot;

/** The booking service returned a lot list or layout this service cannot use. */
public class InvalidLayoutException extends RuntimeException {

  InvalidLayoutException(String message) {
    super(message);
  }
}
