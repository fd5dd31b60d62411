package io.parking.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One message of one event to one target over one channel. It starts {@code pending}; a successful
 * send makes it {@code delivered}, and a failed one schedules the next attempt until the attempts
 * run out and it is {@code dead} (dead-lettered for operators).
 */
@Entity
@Table(name = "deliveries")
public class Delivery {

  static final String EMAIL = "email";
  static final String WEBHOOK = "webhook";

  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String DEAD = "dead";

  @Id
  @Column(name = "delivery_id")
  private UUID deliveryId;

  @Column(name = "event_id", nullable = false)
  private UUID eventId;

  @Column(name = "event_type", nullable = false)
  private String eventType;

  @Column(name = "channel", nullable = false)
  private String channel;

  @Column(name = "target", nullable = false)
  private String target;

  @Column(name = "user_id")
  private String userId;

  @Column(name = "booking_id")
  private UUID bookingId;

  @Column(name = "subject")
  private String subject;

  @Column(name = "body", nullable = false)
  private String body;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Delivery() {}

  Delivery(
      UUID eventId,
      String eventType,
      String channel,
      String target,
      String userId,
      UUID bookingId,
      String subject,
      String body,
      Instant now) {
    this.deliveryId = UUID.randomUUID();
    this.eventId = eventId;
    this.eventType = eventType;
    this.channel = channel;
    this.target = target;
    this.userId = userId;
    this.bookingId = bookingId;
    this.subject = subject;
    this.body = body;
    this.status = PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** Records a successful send. */
  void delivered(Instant now) {
    requirePending();
    attempts++;
    status = DELIVERED;
    deliveredAt = now;
    nextAttemptAt = null;
    lastError = null;
  }

  /**
   * Records a failed send: schedules the next attempt after {@code backoff}, or makes the delivery
   * {@code dead} when {@code maxAttempts} are used up.
   */
  void failed(String error, int maxAttempts, Duration backoff, Instant now) {
    requirePending();
    attempts++;
    lastError = error;
    if (attempts >= maxAttempts) {
      status = DEAD;
      nextAttemptAt = null;
    } else {
      nextAttemptAt = now.plus(backoff);
    }
  }

  private void requirePending() {
    if (!PENDING.equals(status)) {
      throw new IllegalStateException(
          "Delivery %s is %s, not pending".formatted(deliveryId, status));
    }
  }

  public UUID getDeliveryId() {
    return deliveryId;
  }

  public UUID getEventId() {
    return eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public String getChannel() {
    return channel;
  }

  public String getTarget() {
    return target;
  }

  public String getUserId() {
    return userId;
  }

  public UUID getBookingId() {
    return bookingId;
  }

  public String getSubject() {
    return subject;
  }

  public String getBody() {
    return body;
  }

  public String getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
