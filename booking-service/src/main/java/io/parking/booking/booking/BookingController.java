package io.parking.booking.booking;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Bookings of the driver named in the {@code X-User-Id} header. */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

  static final String USER_ID_HEADER = "X-User-Id";

  /** Length of the {@code bookings.user_id} column. */
  private static final int MAX_USER_ID_LENGTH = 128;

  private final BookingService bookings;

  BookingController(BookingService bookings) {
    this.bookings = bookings;
  }

  @PostMapping
  ResponseEntity<BookingResponse> reserve(
      @RequestHeader(name = USER_ID_HEADER, required = false) String userId,
      @Valid @RequestBody ReserveBookingRequest request) {
    BookingResponse booking = bookings.reserve(requireUserId(userId), request);
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequest()
            .path("/{bookingId}")
            .buildAndExpand(booking.bookingId())
            .toUri();
    return ResponseEntity.created(location).body(booking);
  }

  @GetMapping("/{bookingId}")
  BookingResponse booking(
      @RequestHeader(name = USER_ID_HEADER, required = false) String userId,
      @PathVariable UUID bookingId) {
    return bookings.find(requireUserId(userId), bookingId);
  }

  @DeleteMapping("/{bookingId}")
  BookingResponse cancel(
      @RequestHeader(name = USER_ID_HEADER, required = false) String userId,
      @PathVariable UUID bookingId) {
    return bookings.cancel(requireUserId(userId), bookingId);
  }

  private static String requireUserId(String userId) {
    if (userId == null || userId.isBlank()) {
      throw new InvalidUserIdException("is missing or blank");
    }
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new InvalidUserIdException("is longer than " + MAX_USER_ID_LENGTH + " characters");
    }
    return userId;
  }
}
