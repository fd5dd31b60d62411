package io.parking.payment.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A card payment for one booking. It starts as a pre-authorisation hold ({@code authorised}) or a
 * declined attempt ({@code failed}); {@link #voidHold} releases the hold.
 */
@Entity
@Table(name = "payments")
public class Payment {

  /** Payment method of every sandbox payment. */
  static final String CARD = "card";

  @Id
  @Column(name = "payment_id")
  private UUID paymentId;

  @Column(name = "booking_id", nullable = false)
  private UUID bookingId;

  @Column(name = "user_id", nullable = false)
  private String userId;

  @Column(name = "amount_minor", nullable = false)
  private long amountMinor;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "currency", nullable = false, length = 3)
  private String currency;

  @Column(name = "method", nullable = false)
  private String method;

  @Column(name = "status", nullable = false)
  private PaymentStatus status;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Payment() {}

  private Payment(
      UUID bookingId,
      String userId,
      long amountMinor,
      String currency,
      PaymentStatus status,
      String idempotencyKey,
      Instant now) {
    this.paymentId = UUID.randomUUID();
    this.bookingId = bookingId;
    this.userId = userId;
    this.amountMinor = amountMinor;
    this.currency = currency;
    this.method = CARD;
    this.status = status;
    this.idempotencyKey = idempotencyKey;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Creates a payment for a hold that the card processor approved ({@code authorised}). */
  static Payment authorisedHold(
      UUID bookingId,
      String userId,
      long amountMinor,
      String currency,
      String idempotencyKey,
      Instant now) {
    return new Payment(
        bookingId, userId, amountMinor, currency, PaymentStatus.AUTHORISED, idempotencyKey, now);
  }

  /** Creates a payment for a hold that the card processor declined ({@code failed}). */
  static Payment declinedHold(
      UUID bookingId,
      String userId,
      long amountMinor,
      String currency,
      String idempotencyKey,
      Instant now) {
    return new Payment(
        bookingId, userId, amountMinor, currency, PaymentStatus.FAILED, idempotencyKey, now);
  }

  /**
   * Releases the hold: moves {@code authorised} to {@code voided}.
   *
   * @throws IllegalPaymentTransitionException when the payment is not {@code authorised}
   */
  void voidHold(Instant now) {
    if (status != PaymentStatus.AUTHORISED) {
      throw new IllegalPaymentTransitionException(paymentId, status, PaymentStatus.VOIDED);
    }
    status = PaymentStatus.VOIDED;
    updatedAt = now;
  }

  public UUID getPaymentId() {
    return paymentId;
  }

  public UUID getBookingId() {
    return bookingId;
  }

  public String getUserId() {
    return userId;
  }

  public long getAmountMinor() {
    return amountMinor;
  }

  public String getCurrency() {
    return currency;
  }

  public String getMethod() {
    return method;
  }

  public PaymentStatus getStatus() {
    return status;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
