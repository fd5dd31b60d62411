package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingTest {

  private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant END = Instant.parse("2026-12-04T12:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00.123456789Z");

  @Test
  void reserveStartsReserved() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);

    assertThat(booking.getStatus()).isEqualTo(BookingStatus.RESERVED);
    assertThat(booking.getSpotId()).isEqualTo(7);
    assertThat(booking.getCreatedAt()).isEqualTo("2026-12-04T09:00:00.123456Z");
  }

  @Test
  void reserveRejectsEndNotAfterStart() {
    assertThatThrownBy(() -> Booking.reserve(7, "driver-1", END, START, NOW))
        .isInstanceOf(InvalidBookingWindowException.class)
        .hasMessageContaining("endTime");
    assertThatThrownBy(() -> Booking.reserve(7, "driver-1", START, START, NOW))
        .isInstanceOf(InvalidBookingWindowException.class);
  }

  @Test
  void cancelMovesReservedToCancelled() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);

    booking.cancel();

    assertThat(booking.getStatus()).isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void cancelTwiceIsRejected() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);
    booking.cancel();

    assertThatThrownBy(booking::cancel)
        .isInstanceOf(BookingNotCancellableException.class)
        .hasMessageContaining("cancelled");
    assertThat(booking.getStatus()).isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void ownershipComparesUserIds() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);

    assertThat(booking.isOwnedBy("driver-1")).isTrue();
    assertThat(booking.isOwnedBy("driver-2")).isFalse();
  }
}
