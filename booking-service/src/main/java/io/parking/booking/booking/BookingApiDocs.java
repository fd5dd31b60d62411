package io.parking.booking.booking;

/**
 * Descriptions of the booking endpoints' responses in the OpenAPI document, shared by the {@code
 * ApiResponse} annotations of {@link BookingController}. Each error names the problem {@code type}
 * that {@code ProblemDetailsAdvice} sends for it, after {@code https://parking.example/problems/}.
 */
final class BookingApiDocs {

  static final String JSON = "application/json";

  static final String LOCATION = "Location";
  static final String LOCATION_DESCRIPTION =
      "Absolute URL of the booking, ending in /api/bookings/{bookingId}.";

  static final String CREATED = "New booking, reserved. The Location header names it.";
  static final String REPLAYED =
      "The Idempotency-Key was sent before with the same body: the booking that the first request"
          + " created, in its current state, with the same Location header.";

  private static final String TOKEN_SUBJECT_TOO_LONG =
      "invalid-token-subject (token subject longer than "
          + BookingController.MAX_USER_ID_LENGTH
          + " characters)";

  static final String INVALID_BODY =
      "invalid-request (fields missing or invalid), malformed-json (body unreadable),"
          + " invalid-parameter (Idempotency-Key blank or longer than "
          + IdempotencyKeys.MAX_KEY_LENGTH
          + " characters) or "
          + TOKEN_SUBJECT_TOO_LONG
          + ". 'errors' names each field with the fix.";
  static final String INVALID_PATCH_BODY =
      "invalid-request (endTime missing), malformed-json (body unreadable), invalid-parameter"
          + " (bookingId not a UUID) or "
          + TOKEN_SUBJECT_TOO_LONG
          + ". 'errors' names each field with the fix.";
  static final String INVALID_BOOKING_ID =
      "invalid-parameter (bookingId not a UUID) or "
          + TOKEN_SUBJECT_TOO_LONG
          + ". 'errors' names the field with the fix.";
  static final String INVALID_LIST_PARAMETER =
      "invalid-parameter (page below 0, size outside 1 to "
          + BookingController.MAX_PAGE_SIZE
          + ", or an unknown status) or "
          + TOKEN_SUBJECT_TOO_LONG
          + ". 'errors' names the parameter with the fix.";

  static final String INVALID_WINDOW =
      "invalid-booking-window ('errors' names startTime or endTime: end not after start, start"
          + " in the past, too long, too far ahead, or a local time that a DST change skips or"
          + " repeats) or idempotency-key-reused (the Idempotency-Key was sent before with another"
          + " body).";
  static final String INVALID_EXTENSION =
      "invalid-booking-window: the new endTime is not after the current end or now, makes the"
          + " booking too long or too far ahead, or is a local time that a DST change skips or"
          + " repeats. 'errors' names endTime.";

  static final String SPOT_NOT_FOUND = "spot-not-found: no spot has this spotId.";
  static final String LOT_OR_FLOOR_NOT_FOUND =
      "lot-not-found (no lot has this lotId) or floor-not-found (the floor is not in the lot).";
  static final String BOOKING_NOT_FOUND =
      "booking-not-found: no booking with this id belongs to the caller. Another driver's"
          + " booking is not found either.";

  static final String SPOT_UNAVAILABLE =
      "spot-unavailable: the spot is out of service, another booking overlaps the window, or a"
          + " concurrent request changed the spot first. The problem names spotId and reason.";
  static final String NO_SPOT_AVAILABLE =
      "no-spot-available: no matching spot is free for the window, or every spot tried was"
          + " taken by a concurrent request.";
  static final String EXTENSION_CONFLICT =
      "illegal-booking-transition (only a reserved or active booking can be extended;"
          + " bookingStatus names the current one) or spot-unavailable (another booking overlaps"
          + " the longer window, or a concurrent request changed the spot first).";
  static final String CHECK_IN_CONFLICT =
      "illegal-booking-transition (only a reserved booking can be checked in to; bookingStatus"
          + " names the current one), check-in-not-open (before check-in opens ahead of the start, or"
          + " at or after the end) or"
          + " spot-changed (concurrent changes of the spot; try again).";
  static final String COMPLETE_CONFLICT =
      "illegal-booking-transition (only an active booking can be completed; bookingStatus names"
          + " the current one) or spot-changed (concurrent changes of the spot; try again).";
  static final String CANCEL_CONFLICT =
      "booking-not-cancellable (only a reserved booking can be cancelled) or spot-changed"
          + " (concurrent changes of the spot; try again).";

  private BookingApiDocs() {}
}
