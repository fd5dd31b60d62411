package io.parking.booking.booking;

import java.util.List;

/**
 * One page of a driver's bookings, newest first.
 *
 * @param page zero-based page number
 * @param size maximum bookings per page
 * @param totalElements bookings matching the filter over all pages
 */
record BookingPage(List<BookingResponse> bookings, int page, int size, long totalElements) {

  BookingPage {
    bookings = List.copyOf(bookings);
  }
}
