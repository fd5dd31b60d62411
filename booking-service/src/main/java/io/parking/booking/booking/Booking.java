package io.parking.booking.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A driver's booking of one spot for a time window. A new booking is {@code reserved}, and {@link
 * #cancel()} is the only transition this service performs so far.
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
      throw new InvalidBookingWindowException(startTime, endTime);
    }
    return new Booking(spotId, userId, startTime, endTime, now);
  }

  /**
   * Cancels a reserved booking. Throws {@link BookingNotCancellableException} in any other status,
   * so a booking is cancelled at most once.
   */
  public void cancel() {
    if (status != BookingStatus.RESERVED) {
      throw new BookingNotCancellableException(id, status);
    }
    status = BookingStatus.CANCELLED;
  }

  public boolean isOwnedBy(String candidateUserId) {
    return userId.equals(candidateUserId);
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
