package io.parking.booking.booking;

import static io.parking.booking.booking.BookingApiDocs.BOOKING_NOT_FOUND;
import static io.parking.booking.booking.BookingApiDocs.CANCEL_CONFLICT;
import static io.parking.booking.booking.BookingApiDocs.CHECK_IN_CONFLICT;
import static io.parking.booking.booking.BookingApiDocs.COMPLETE_CONFLICT;
import static io.parking.booking.booking.BookingApiDocs.EXTENSION_CONFLICT;
import static io.parking.booking.booking.BookingApiDocs.INVALID_BODY;
import static io.parking.booking.booking.BookingApiDocs.INVALID_BOOKING_ID;
import static io.parking.booking.booking.BookingApiDocs.INVALID_EXTENSION;
import static io.parking.booking.booking.BookingApiDocs.INVALID_LIST_PARAMETER;
import static io.parking.booking.booking.BookingApiDocs.INVALID_PATCH_BODY;
import static io.parking.booking.booking.BookingApiDocs.INVALID_WINDOW;
import static io.parking.booking.booking.BookingApiDocs.JSON;
import static io.parking.booking.booking.BookingApiDocs.LOT_OR_FLOOR_NOT_FOUND;
import static io.parking.booking.booking.BookingApiDocs.NO_SPOT_AVAILABLE;
import static io.parking.booking.booking.BookingApiDocs.SPOT_NOT_FOUND;
import static io.parking.booking.booking.BookingApiDocs.SPOT_UNAVAILABLE;

import io.parking.booking.booking.BookingService.Reservation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Bookings of the driver named by the bearer token's subject ({@code sub} claim). Another driver's
 * booking is 404 on every endpoint. No request header can name another driver.
 */
@RestController
@RequestMapping("/api/bookings")
class BookingController {

  static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  /** Length of the {@code bookings.user_id} column, which stores the token's subject. */
  static final int MAX_USER_ID_LENGTH = 128;

  /** Largest page the booking list returns. */
  static final int MAX_PAGE_SIZE = 100;

  private final BookingService bookings;
  private final AnySpotReservations anySpot;

  BookingController(BookingService bookings, AnySpotReservations anySpot) {
    this.bookings = bookings;
    this.anySpot = anySpot;
  }

  /** Reserves the spot: 201 for a new booking, 200 for a repeated idempotency key. */
  @PostMapping
  @ReservationResponses
  @ApiResponse(responseCode = "400", description = INVALID_BODY)
  @ApiResponse(responseCode = "404", description = SPOT_NOT_FOUND)
  @ApiResponse(responseCode = "409", description = SPOT_UNAVAILABLE)
  @ApiResponse(responseCode = "422", description = INVALID_WINDOW)
  ResponseEntity<BookingResponse> reserve(
      @AuthenticationPrincipal Jwt jwt,
      @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody ReserveBookingRequest request) {
    String user = driverId(jwt);
    String key = checkIdempotencyKey(idempotencyKey);
    return created(bookings.reserve(user, request, key));
  }

  /** Reserves any free spot matching the request, with the same status codes as {@code POST}. */
  @PostMapping("/any")
  @ReservationResponses
  @ApiResponse(responseCode = "400", description = INVALID_BODY)
  @ApiResponse(responseCode = "404", description = LOT_OR_FLOOR_NOT_FOUND)
  @ApiResponse(responseCode = "409", description = NO_SPOT_AVAILABLE)
  @ApiResponse(responseCode = "422", description = INVALID_WINDOW)
  ResponseEntity<BookingResponse> reserveAny(
      @AuthenticationPrincipal Jwt jwt,
      @RequestHeader(name = IDEMPOTENCY_KEY_HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody ReserveAnyRequest request) {
    String user = driverId(jwt);
    String key = checkIdempotencyKey(idempotencyKey);
    return created(anySpot.reserve(user, request, key));
  }

  @GetMapping
  @ApiResponse(
      responseCode = "200",
      description = "One page of the caller's bookings, newest first.",
      content = @Content(mediaType = JSON, schema = @Schema(implementation = BookingPage.class)))
  @ApiResponse(responseCode = "400", description = INVALID_LIST_PARAMETER)
  BookingPage list(
      @AuthenticationPrincipal Jwt jwt,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    String user = driverId(jwt);
    if (page < 0) {
      throw new InvalidParameterException("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidParameterException("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    return bookings.list(user, parseStatus(status), page, size);
  }

  @GetMapping("/{bookingId}")
  @ApiResponse(
      responseCode = "200",
      description = "The booking.",
      content =
          @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
  @ApiResponse(responseCode = "400", description = INVALID_BOOKING_ID)
  @ApiResponse(responseCode = "404", description = BOOKING_NOT_FOUND)
  BookingResponse booking(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID bookingId) {
    return bookings.find(driverId(jwt), bookingId);
  }

  @PatchMapping("/{bookingId}")
  @ApiResponse(
      responseCode = "200",
      description = "The booking with its new end.",
      content =
          @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
  @ApiResponse(responseCode = "400", description = INVALID_PATCH_BODY)
  @ApiResponse(responseCode = "404", description = BOOKING_NOT_FOUND)
  @ApiResponse(responseCode = "409", description = EXTENSION_CONFLICT)
  @ApiResponse(responseCode = "422", description = INVALID_EXTENSION)
  BookingResponse extend(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable UUID bookingId,
      @Valid @RequestBody ExtendBookingRequest request) {
    return bookings.extend(driverId(jwt), bookingId, request);
  }

  @PostMapping("/{bookingId}/check-in")
  @ApiResponse(
      responseCode = "200",
      description = "The booking, now active.",
      content =
          @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
  @ApiResponse(responseCode = "400", description = INVALID_BOOKING_ID)
  @ApiResponse(responseCode = "404", description = BOOKING_NOT_FOUND)
  @ApiResponse(responseCode = "409", description = CHECK_IN_CONFLICT)
  BookingResponse checkIn(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID bookingId) {
    return bookings.checkIn(driverId(jwt), bookingId);
  }

  @PostMapping("/{bookingId}/complete")
  @ApiResponse(
      responseCode = "200",
      description = "The booking, now completed.",
      content =
          @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
  @ApiResponse(responseCode = "400", description = INVALID_BOOKING_ID)
  @ApiResponse(responseCode = "404", description = BOOKING_NOT_FOUND)
  @ApiResponse(responseCode = "409", description = COMPLETE_CONFLICT)
  BookingResponse complete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID bookingId) {
    return bookings.complete(driverId(jwt), bookingId);
  }

  @DeleteMapping("/{bookingId}")
  @ApiResponse(
      responseCode = "200",
      description = "The booking, now cancelled.",
      content =
          @Content(mediaType = JSON, schema = @Schema(implementation = BookingResponse.class)))
  @ApiResponse(responseCode = "400", description = INVALID_BOOKING_ID)
  @ApiResponse(responseCode = "404", description = BOOKING_NOT_FOUND)
  @ApiResponse(responseCode = "409", description = CANCEL_CONFLICT)
  BookingResponse cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID bookingId) {
    return bookings.cancel(driverId(jwt), bookingId);
  }

  private static ResponseEntity<BookingResponse> created(Reservation reservation) {
    BookingResponse booking = reservation.booking();
    URI location =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/bookings/{bookingId}")
            .buildAndExpand(booking.bookingId())
            .toUri();
    HttpStatus status = reservation.replayed() ? HttpStatus.OK : HttpStatus.CREATED;
    return ResponseEntity.status(status).location(location).body(booking);
  }

  private static BookingStatus parseStatus(String status) {
    if (status == null) {
      return null;
    }
    try {
      return BookingStatus.fromStored(status);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(
          "status", "must be reserved, active, completed, cancelled or expired");
    }
  }

  private static String checkIdempotencyKey(String key) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > IdempotencyKeys.MAX_KEY_LENGTH) {
      throw new InvalidParameterException(
          IDEMPOTENCY_KEY_HEADER,
          "must be 1 to " + IdempotencyKeys.MAX_KEY_LENGTH + " characters, not blank");
    }
    return key;
  }

  /**
   * Returns the token's subject as the driver id. The decoder has already rejected a token without
   * one, so only the length is left to check.
   */
  private static String driverId(Jwt jwt) {
    String subject = jwt.getSubject();
    if (subject.length() > MAX_USER_ID_LENGTH) {
      throw new TokenSubjectTooLongException(subject.length(), MAX_USER_ID_LENGTH);
    }
    return subject;
  }
}
