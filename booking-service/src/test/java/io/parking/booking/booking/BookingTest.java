package io.parking.booking.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BookingTest {

  private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant END = Instant.parse("2026-12-04T12:00:00Z");
  private static final Instant NOW = Instant.parse("2026-12-04T09:00:00.123456789Z");
  private static final Instant DURING = Instant.parse("2026-12-04T10:30:00Z");
  private static final Duration OPENS_BEFORE = Duration.ofMinutes(15);

  /** Each lifecycle action, applied as a driver or the expiry job would apply it. */
  enum Action {
    CHECK_IN(booking -> booking.checkIn(DURING, OPENS_BEFORE)),
    COMPLETE(Booking::complete),
    CANCEL(Booking::cancel),
    EXPIRE(Booking::expire),
    EXTEND(booking -> booking.extendTo(booking.getEndTime().plus(Duration.ofHours(1))));

    private final Consumer<Booking> apply;

    Action(Consumer<Booking> apply) {
      this.apply = apply;
    }
  }

  /** Lists every status and action with the status after it, or null where it is illegal. */
  static Stream<Arguments> transitions() {
    return Stream.of(
        Arguments.of(BookingStatus.RESERVED, Action.CHECK_IN, BookingStatus.ACTIVE),
        Arguments.of(BookingStatus.RESERVED, Action.COMPLETE, null),
        Arguments.of(BookingStatus.RESERVED, Action.CANCEL, BookingStatus.CANCELLED),
        Arguments.of(BookingStatus.RESERVED, Action.EXPIRE, BookingStatus.EXPIRED),
        Arguments.of(BookingStatus.RESERVED, Action.EXTEND, BookingStatus.RESERVED),
        Arguments.of(BookingStatus.ACTIVE, Action.CHECK_IN, null),
        Arguments.of(BookingStatus.ACTIVE, Action.COMPLETE, BookingStatus.COMPLETED),
        Arguments.of(BookingStatus.ACTIVE, Action.CANCEL, null),
        Arguments.of(BookingStatus.ACTIVE, Action.EXPIRE, null),
        Arguments.of(BookingStatus.ACTIVE, Action.EXTEND, BookingStatus.ACTIVE),
        Arguments.of(BookingStatus.COMPLETED, Action.CHECK_IN, null),
        Arguments.of(BookingStatus.COMPLETED, Action.COMPLETE, null),
        Arguments.of(BookingStatus.COMPLETED, Action.CANCEL, null),
        Arguments.of(BookingStatus.COMPLETED, Action.EXPIRE, null),
        Arguments.of(BookingStatus.COMPLETED, Action.EXTEND, null),
        Arguments.of(BookingStatus.CANCELLED, Action.CHECK_IN, null),
        Arguments.of(BookingStatus.CANCELLED, Action.COMPLETE, null),
        Arguments.of(BookingStatus.CANCELLED, Action.CANCEL, null),
        Arguments.of(BookingStatus.CANCELLED, Action.EXPIRE, null),
        Arguments.of(BookingStatus.CANCELLED, Action.EXTEND, null),
        Arguments.of(BookingStatus.EXPIRED, Action.CHECK_IN, null),
        Arguments.of(BookingStatus.EXPIRED, Action.COMPLETE, null),
        Arguments.of(BookingStatus.EXPIRED, Action.CANCEL, null),
        Arguments.of(BookingStatus.EXPIRED, Action.EXPIRE, null),
        Arguments.of(BookingStatus.EXPIRED, Action.EXTEND, null));
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("transitions")
  void lifecycleAllowsOnlyLegalTransitions(
      BookingStatus from, Action action, BookingStatus expected) {
    Booking booking = bookingIn(from);
    Instant endBefore = booking.getEndTime();

    if (expected == null) {
      assertThatThrownBy(() -> action.apply.accept(booking))
          .isInstanceOf(IllegalBookingTransitionException.class)
          .hasMessageContaining(from.stored());
      assertThat(booking.getStatus()).isEqualTo(from);
      assertThat(booking.getEndTime()).isEqualTo(endBefore);
    } else {
      action.apply.accept(booking);
      assertThat(booking.getStatus()).isEqualTo(expected);
    }
  }

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
  void cancelTwiceIsNotCancellable() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);
    booking.cancel();

    assertThatThrownBy(booking::cancel)
        .isInstanceOf(BookingNotCancellableException.class)
        .hasMessageContaining("cancelled");
    assertThat(booking.getStatus()).isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void checkInOutsideItsTimeIsRejected() {
    Booking early = Booking.reserve(7, "driver-1", START, END, NOW);
    Booking late = Booking.reserve(7, "driver-1", START, END, NOW);

    assertThatThrownBy(() -> early.checkIn(START.minus(Duration.ofMinutes(16)), OPENS_BEFORE))
        .isInstanceOf(CheckInNotOpenException.class);
    assertThatThrownBy(() -> late.checkIn(END, OPENS_BEFORE))
        .isInstanceOf(CheckInNotOpenException.class);
    assertThat(early.getStatus()).isEqualTo(BookingStatus.RESERVED);
    assertThat(late.getStatus()).isEqualTo(BookingStatus.RESERVED);
  }

  @Test
  void checkInOpensBeforeStart() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);

    booking.checkIn(START.minus(OPENS_BEFORE), OPENS_BEFORE);

    assertThat(booking.getStatus()).isEqualTo(BookingStatus.ACTIVE);
  }

  @Test
  void extendRejectsEarlierOrEqualEnd() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);

    assertThatThrownBy(() -> booking.extendTo(END.minusSeconds(60)))
        .isInstanceOf(InvalidBookingWindowException.class)
        .hasMessageContaining("endTime");
    assertThatThrownBy(() -> booking.extendTo(END))
        .isInstanceOf(InvalidBookingWindowException.class);
    assertThat(booking.getEndTime()).isEqualTo(END);
  }

  @Test
  void noShowOnlyAfterGrace() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);
    Duration grace = Duration.ofMinutes(15);

    assertThat(booking.isNoShow(START.plus(Duration.ofMinutes(14)), grace)).isFalse();
    assertThat(booking.isNoShow(START.plus(grace), grace)).isTrue();
  }

  @Test
  void ownershipComparesUserIds() {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);

    assertThat(booking.isOwnedBy("driver-1")).isTrue();
    assertThat(booking.isOwnedBy("driver-2")).isFalse();
  }

  private static Booking bookingIn(BookingStatus status) {
    Booking booking = Booking.reserve(7, "driver-1", START, END, NOW);
    switch (status) {
      case RESERVED -> {}
      case ACTIVE -> booking.checkIn(DURING, OPENS_BEFORE);
      case COMPLETED -> {
        booking.checkIn(DURING, OPENS_BEFORE);
        booking.complete();
      }
      case CANCELLED -> booking.cancel();
      case EXPIRED -> booking.expire();
    }
    return booking;
  }
}
