package io.parking.payment.payment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

  Optional<Payment> findByIdempotencyKey(String idempotencyKey);

  boolean existsByIdempotencyKey(String idempotencyKey);

  /** Loads the payment with a row lock held until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.idempotencyKey = :idempotencyKey")
  Optional<Payment> findForUpdateByIdempotencyKey(@Param("idempotencyKey") String idempotencyKey);

  List<Payment> findByBookingIdOrderByCreatedAt(UUID bookingId);

  /** Loads the booking's live hold, if any, with a row lock held until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select p from Payment p where p.bookingId = :bookingId and p.kind = 'hold'"
          + " and p.status = io.parking.payment.payment.PaymentStatus.AUTHORISED")
  Optional<Payment> findLiveHoldForUpdate(@Param("bookingId") UUID bookingId);

  /** Loads the payment with a row lock held until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Payment p where p.paymentId = :paymentId")
  Optional<Payment> findForUpdate(@Param("paymentId") UUID paymentId);

  Optional<Payment> findFirstByBookingIdAndKindOrderByCreatedAtDesc(UUID bookingId, String kind);

  /** Lists the payments of a booking that belong to the driver {@code userId}, oldest first. */
  List<Payment> findByBookingIdAndUserIdOrderByCreatedAt(UUID bookingId, String userId);

  /** Finds the payment only when it belongs to the driver {@code userId}. */
  Optional<Payment> findByPaymentIdAndUserId(UUID paymentId, String userId);

  /**
   * Inserts the payment unless a row with its idempotency key exists or, for an authorised hold,
   * the booking already has a live hold.
   *
   * @return 1 when inserted, 0 when another payment has the key or is the booking's live hold
   */
  default int insertIfAbsent(Payment payment) {
    return insertIfAbsent(
        payment.getPaymentId(),
        payment.getBookingId(),
        payment.getUserId(),
        payment.getAmountMinor(),
        payment.getCurrency(),
        payment.getMethod(),
        payment.getStatus().code(),
        payment.getIdempotencyKey(),
        payment.getKind(),
        payment.getProviderReference(),
        payment.getCreatedAt());
  }

  @Transactional
  @Modifying
  @Query(
      value =
          """
          INSERT INTO payments (payment_id, booking_id, user_id, amount_minor, currency, method,
                                status, idempotency_key, kind, provider_reference,
                                created_at, updated_at)
          VALUES (:paymentId, :bookingId, :userId, :amountMinor, :currency, :method,
                  :status, :idempotencyKey, :kind, :providerReference, :createdAt, :createdAt)
          ON CONFLICT DO NOTHING
          """,
      nativeQuery = true)
  int insertIfAbsent(
      @Param("paymentId") UUID paymentId,
      @Param("bookingId") UUID bookingId,
      @Param("userId") String userId,
      @Param("amountMinor") long amountMinor,
      @Param("currency") String currency,
      @Param("method") String method,
      @Param("status") String status,
      @Param("idempotencyKey") String idempotencyKey,
      @Param("kind") String kind,
      @Param("providerReference") String providerReference,
      @Param("createdAt") Instant createdAt);
}
