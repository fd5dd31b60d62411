package io.parking.payment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Bill of a finished booking and the progress of collecting it. The amount is split into the part
 * taken from the hold and an extra part charged separately; the settlement is {@code paid} only
 * when both parts succeeded, and it is then the booking's receipt. A failed attempt is retried with
 * backoff until the attempts run out, and the settlement becomes {@code failed}.
 */
@Entity
@Table(name = "settlements")
public class Settlement {

  static final String PENDING = "pending";
  static final String PAID = "paid";
  static final String FAILED = "failed";

  /** Reason of a settlement: the driver left. */
  static final String COMPLETED = "completed";

  /** Reason of a settlement: the booking expired without a check-in and a fee is due. */
  static final String NO_SHOW = "no_show";

  @Id
  @Column(name = "booking_id")
  private UUID bookingId;

  @Column(name = "receipt_id", nullable = false)
  private UUID receiptId;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "lot_id", nullable = false)
  private long lotId;

  @Column(name = "spot_id", nullable = false)
  private long spotId;

  @Column(name = "reason", nullable = false)
  private String reason;

  @Column(name = "window_start", nullable = false)
  private Instant windowStart;

  @Column(name = "window_end", nullable = false)
  private Instant windowEnd;

  @Column(name = "entry_time")
  private Instant entryTime;

  @Column(name = "exit_time")
  private Instant exitTime;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "hold_part_minor", nullable = false)
  private long holdPartMinor;

  @Column(name = "extra_part_minor", nullable = false)
  private long extraPartMinor;

  @Column(name = "hold_settled", nullable = false)
  private boolean holdSettled;

  @Column(name = "extra_settled", nullable = false)
  private boolean extraSettled;

  @Column(name = "breakdown", nullable = false)
  private String breakdown;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at")
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Settlement() {}

  /**
   * Creates a pending settlement of {@code amountMinor}, of which at most {@code heldMinor} is
   * taken from the hold.
   *
   * @param breakdown JSON array of the receipt lines
   */
  Settlement(
      SessionFacts session,
      String reason,
      long amountMinor,
      String currency,
      long heldMinor,
      String breakdown,
      Instant now) {
    this.bookingId = session.bookingId();
    this.receiptId = UUID.randomUUID();
    this.userId = session.userId();
    this.lotId = session.lotId();
    this.spotId = session.spotId();
    this.reason = reason;
    this.windowStart = session.windowStart();
    this.windowEnd = session.windowEnd();
    this.entryTime = session.entryTime();
    this.exitTime = session.exitTime();
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.holdPartMinor = Math.min(amountMinor, heldMinor);
    this.extraPartMinor = amountMinor - holdPartMinor;
    this.breakdown = breakdown;
    this.status = PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void holdSettled(Instant now) {
    requirePending();
    holdSettled = true;
    updatedAt = now;
  }

  void extraSettled(Instant now) {
    requirePending();
    extraSettled = true;
    updatedAt = now;
  }

  /**
   * Marks the settlement paid.
   *
   * @throws IllegalStateException when a part is not settled yet or the settlement is not pending
   */
  void paid(Instant now) {
    requirePending();
    if (!holdSettled || !extraSettled) {
      throw new IllegalStateException(
          "Settlement of booking %s is not paid in full yet".formatted(bookingId));
    }
    status = PAID;
    nextAttemptAt = null;
    lastError = null;
    updatedAt = now;
  }

  /**
   * Records a failed attempt: schedules the next one after {@code backoff}, or fails the settlement
   * when {@code maxAttempts} are used up.
   */
  void attemptFailed(String error, int maxAttempts, Duration backoff, Instant now) {
    requirePending();
    attempts++;
    lastError = error;
    updatedAt = now;
    if (attempts >= maxAttempts) {
      status = FAILED;
      nextAttemptAt = null;
    } else {
      nextAttemptAt = now.plus(backoff);
    }
  }

  /** Fails the settlement at once, for an error that no retry can fix. */
  void failed(String error, Instant now) {
    requirePending();
    attempts++;
    lastError = error;
    status = FAILED;
    nextAttemptAt = null;
    updatedAt = now;
  }

  private void requirePending() {
    if (!PENDING.equals(status)) {
      throw new IllegalStateException(
          "Settlement of booking %s is %s, not pending".formatted(bookingId, status));
    }
  }

  boolean isPending() {
    return PENDING.equals(status);
  }

  public UUID getBookingId() {
    return bookingId;
  }

  public UUID getReceiptId() {
    return receiptId;
  }

  public String getUserId() {
    return userId;
  }

  public long getLotId() {
    return lotId;
  }

  public long getSpotId() {
    return spotId;
  }

  public String getReason() {
    return reason;
  }

  public Instant getWindowStart() {
    return windowStart;
  }

  public Instant getWindowEnd() {
    return windowEnd;
  }

  public Instant getEntryTime() {
    return entryTime;
  }

  public Instant getExitTime() {
    return exitTime;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public String getCurrency() {
    return currency;
  }

  public long getHoldPartMinor() {
    return holdPartMinor;
  }

  public long getExtraPartMinor() {
    return extraPartMinor;
  }

  public boolean isHoldSettled() {
    return holdSettled;
  }

  public boolean isExtraSettled() {
    return extraSettled;
  }

  public String getBreakdown() {
    return breakdown;
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

  public Instant getCreatedAt() {
    return createdAt;
  }
}
