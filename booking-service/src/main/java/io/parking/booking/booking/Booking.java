package io.parking.booking.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A driver's booking of one spot for the half-open window [startTime, endTime). Its lifecycle:
 *
 * <pre>
 * reserved --checkIn--> active --complete--> completed
 * reserved --cancel--> cancelled
 * reserved --expire--> expired   (no-show)
 * reserved, active --extendTo--> same status, later end
 * </pre>
 *
 * Every other action throws {@link IllegalBookingTransitionException} and changes nothing.
 */
@Entity
@Table(name = "bookings")
public class Booking {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  @Column(name = "booking_id")
  private UUID id;

  @Column(name = "spot_id")
  private long spotId;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "start_time")
  private Instant startTime;

  @Column(name = "end_time")
  private Instant endTime;

  private BookingStatus status;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Booking() {}

  private Booking(long spotId, String userId, Instant startTime, Instant endTime, Instant now) {
    this.spotId = spotId;
    this.userId = userId;
    // PostgreSQL keeps microseconds, so truncating here makes the 201 response match later reads.
    this.startTime = startTime.truncatedTo(ChronoUnit.MICROS);
    this.endTime = endTime.truncatedTo(ChronoUnit.MICROS);
    this.status = BookingStatus.RESERVED;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Creates a reserved booking. Throws {@link InvalidBookingWindowException} unless {@code endTime}
   * is after {@code startTime}.
   */
  public static Booking reserve(
      long spotId, String userId, Instant startTime, Instant endTime, Instant now) {
    if (!endTime.isAfter(startTime)) {
      throw new InvalidBookingWindowException(
          "endTime",
          "must be after startTime",
          "endTime " + endTime + " is not after startTime " + startTime);
    }
    return new Booking(spotId, userId, startTime, endTime, now);
  }

  /** Cancels a reserved booking. Throws {@link BookingNotCancellableException} in any other. */
  public void cancel() {
    if (status != BookingStatus.RESERVED) {
      throw new BookingNotCancellableException(id, status);
    }
    status = BookingStatus.CANCELLED;
  }

  /**
   * Activates a reserved booking when the driver arrives. Check-in opens {@code opensBefore} ahead
   * of the start and closes at the end; outside that time it throws {@link
   * CheckInNotOpenException}.
   */
  public void checkIn(Instant now, Duration opensBefore) {
    requireStatus(BookingStatus.RESERVED, "checked in", "a reserved");
    Instant opensAt = startTime.minus(opensBefore);
    if (now.isBefore(opensAt) || !now.isBefore(endTime)) {
      throw new CheckInNotOpenException(id, opensAt, endTime);
    }
    status = BookingStatus.ACTIVE;
  }

  /** Completes an active booking when the driver leaves. */
  public void complete() {
    requireStatus(BookingStatus.ACTIVE, "completed", "an active");
    status = BookingStatus.COMPLETED;
  }

  /**
   * Returns whether this booking is reserved and the driver did not check in within {@code grace}.
   */
  public boolean isNoShow(Instant now, Duration grace) {
    return status == BookingStatus.RESERVED && !now.isBefore(startTime.plus(grace));
  }

  /** Expires a reserved booking whose driver did not check in. */
  public void expire() {
    requireStatus(BookingStatus.RESERVED, "expired", "a reserved");
    status = BookingStatus.EXPIRED;
  }

  /**
   * Moves the end of a reserved or active booking later. Throws {@link
   * InvalidBookingWindowException} if {@code newEndTime} is not after the current end.
   */
  public void extendTo(Instant newEndTime) {
    if (!isLive()) {
      throw new IllegalBookingTransitionException(id, status, "extended", "a reserved or active");
    }
    Instant truncated = newEndTime.truncatedTo(ChronoUnit.MICROS);
    if (!truncated.isAfter(endTime)) {
      throw new InvalidBookingWindowException(
          "endTime",
          "must be after the current endTime",
          "an extension can only move the end from " + endTime + " to a later time");
    }
    endTime = truncated;
  }

  /** Returns whether the booking keeps its spot: reserved or active. */
  public boolean isLive() {
    return status == BookingStatus.RESERVED || status == BookingStatus.ACTIVE;
  }

  public boolean isOwnedBy(String candidateUserId) {
    return userId.equals(candidateUserId);
  }

  private void requireStatus(BookingStatus required, String action, String allowedFrom) {
    if (status != required) {
      throw new IllegalBookingTransitionException(id, status, action, allowedFrom);
    }
  }

  public UUID getId() {
    return id;
  }

  public long getSpotId() {
    return spotId;
  }

  public String getUserId() {
    return userId;
  }

  public Instant getStartTime() {
    return startTime;
  }

  public Instant getEndTime() {
    return endTime;
  }

  public BookingStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
