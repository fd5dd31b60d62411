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
 * A card payment for one booking. A hold starts {@code authorised} (or {@code failed} when
 * declined); {@link #voidHold} releases it and {@link #capture} takes up to the held amount. A
 * charge is an extra amount taken at exit beyond the hold, created {@code captured}.
 */
@Entity
@Table(name = "payments")
public class Payment {

  /** Payment method of every sandbox payment. */
  static final String CARD = "card";

  /** Kind of a pre-authorisation hold. */
  static final String HOLD = "hold";

  /** Kind of an amount charged beyond the hold. */
  static final String CHARGE = "charge";

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

  @Column(name = "kind", nullable = false)
  private String kind;

  @Column(name = "provider_reference")
  private String providerReference;

  @Column(name = "captured_minor", nullable = false)
  private long capturedMinor;

  @Column(name = "capture_reference")
  private String captureReference;

  @Column(name = "capture_key")
  private String captureKey;

  @Column(name = "refund_key")
  private String refundKey;

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
      String kind,
      String providerReference,
      Instant now) {
    this.paymentId = UUID.randomUUID();
    this.kind = kind;
    this.providerReference = providerReference;
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
      String providerReference,
      Instant now) {
    return new Payment(
        bookingId,
        userId,
        amountMinor,
        currency,
        PaymentStatus.AUTHORISED,
        idempotencyKey,
        HOLD,
        providerReference,
        now);
  }

  /** Creates a payment for an extra amount that was authorised and captured at once. */
  static Payment capturedCharge(
      UUID bookingId,
      String userId,
      long amountMinor,
      String currency,
      String idempotencyKey,
      String captureReference,
      Instant now) {
    Payment charge =
        new Payment(
            bookingId,
            userId,
            amountMinor,
            currency,
            PaymentStatus.CAPTURED,
            idempotencyKey,
            CHARGE,
            null,
            now);
    charge.capturedMinor = amountMinor;
    charge.captureReference = captureReference;
    charge.captureKey = idempotencyKey;
    return charge;
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
        bookingId,
        userId,
        amountMinor,
        currency,
        PaymentStatus.FAILED,
        idempotencyKey,
        HOLD,
        null,
        now);
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

  /**
   * Records the capture of {@code amountMinor} of the hold: moves {@code authorised} to {@code
   * captured}.
   *
   * @throws IllegalPaymentTransitionException when the payment is not an {@code authorised} hold
   * @throws IllegalArgumentException when the amount is negative or exceeds the held amount
   */
  void capture(long amountMinor, String key, String reference, Instant now) {
    if (status != PaymentStatus.AUTHORISED || !HOLD.equals(kind)) {
      throw new IllegalPaymentTransitionException(paymentId, status, PaymentStatus.CAPTURED);
    }
    if (amountMinor < 0 || amountMinor > this.amountMinor) {
      throw new IllegalArgumentException(
          "Capture of %d minor units is outside 0..%d held by payment %s"
              .formatted(amountMinor, this.amountMinor, paymentId));
    }
    status = PaymentStatus.CAPTURED;
    capturedMinor = amountMinor;
    captureKey = key;
    captureReference = reference;
    updatedAt = now;
  }

  /**
   * Records that the captured amount was paid back: moves {@code captured} to {@code refunded}.
   *
   * @throws IllegalPaymentTransitionException when the payment is not {@code captured}
   */
  void refund(String key, Instant now) {
    if (status != PaymentStatus.CAPTURED) {
      throw new IllegalPaymentTransitionException(paymentId, status, PaymentStatus.REFUNDED);
    }
    status = PaymentStatus.REFUNDED;
    refundKey = key;
    updatedAt = now;
  }

  /** Marks a hold {@code failed} when taking money from it failed for good. */
  void fail(Instant now) {
    if (status != PaymentStatus.AUTHORISED) {
      throw new IllegalPaymentTransitionException(paymentId, status, PaymentStatus.FAILED);
    }
    status = PaymentStatus.FAILED;
    updatedAt = now;
  }

  boolean isLiveHold() {
    return HOLD.equals(kind) && status == PaymentStatus.AUTHORISED;
  }

  public String getKind() {
    return kind;
  }

  public String getProviderReference() {
    return providerReference;
  }

  public long getCapturedMinor() {
    return capturedMinor;
  }

  public String getCaptureReference() {
    return captureReference;
  }

  public String getRefundKey() {
    return refundKey;
  }

  public String getCaptureKey() {
    return captureKey;
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
