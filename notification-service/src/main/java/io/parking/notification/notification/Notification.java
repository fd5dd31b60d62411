package io.parking.notification.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message for one driver, caused by one event; it never changes once written. */
@Entity
@Table(name = "notifications")
public class Notification {

  @Id
  @Column(name = "notification_id")
  private UUID notificationId;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "booking_id")
  private UUID bookingId;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private NotificationKind kind;

  @Column(name = "message", nullable = false)
  private String message;

  @Column(name = "source_event_id", nullable = false)
  private UUID sourceEventId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Notification() {}

  Notification(
      String userId,
      UUID bookingId,
      NotificationKind kind,
      String message,
      UUID sourceEventId,
      Instant createdAt) {
    this.notificationId = UUID.randomUUID();
    this.userId = userId;
    this.bookingId = bookingId;
    this.kind = kind;
    this.message = message;
    this.sourceEventId = sourceEventId;
    this.createdAt = createdAt;
  }

  public UUID getNotificationId() {
    return notificationId;
  }

  public String getUserId() {
    return userId;
  }

  public UUID getBookingId() {
    return bookingId;
  }

  public NotificationKind getKind() {
    return kind;
  }

  public String getMessage() {
    return message;
  }

  public UUID getSourceEventId() {
    return sourceEventId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
