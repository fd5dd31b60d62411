package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.parking.payment.support.IntegrationTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** Constraints of the {@code payments} table, checked by PostgreSQL itself. */
class PaymentsTableTest extends IntegrationTest {

  @Autowired private PaymentRepository payments;

  @Test
  void idempotencyKeyIsUnique() {
    // given
    String key = "preauth:" + UUID.randomUUID();
    insertRow(UUID.randomUUID(), key, "authorised");

    // when / then
    assertThatExceptionOfType(DuplicateKeyException.class)
        .isThrownBy(() -> insertRow(UUID.randomUUID(), key, "authorised"))
        .withMessageContaining("idempotency_key");
    assertThat(countWithKey(key)).isEqualTo(1);
  }

  @Test
  void insertIfAbsentSkipsTakenKey() {
    // given
    UUID bookingId = UUID.randomUUID();
    String key = "preauth:" + bookingId;
    Payment first =
        Payment.authorisedHold(
            bookingId, "driver-1", 500, "EUR", key, "auth-" + UUID.randomUUID(), Instant.now());
    Payment second =
        Payment.authorisedHold(
            bookingId, "driver-1", 750, "EUR", key, "auth-" + UUID.randomUUID(), Instant.now());

    // when
    int firstInserted = payments.insertIfAbsent(first);
    int secondInserted = payments.insertIfAbsent(second);

    // then
    assertThat(firstInserted).isEqualTo(1);
    assertThat(secondInserted).isZero();
    assertThat(payments.findByIdempotencyKey(key))
        .map(Payment::getPaymentId)
        .contains(first.getPaymentId());
  }

  @Test
  void statusOutsideLifecycleIsRejected() {
    assertThatExceptionOfType(DataIntegrityViolationException.class)
        .isThrownBy(() -> insertRow(UUID.randomUUID(), "preauth:" + UUID.randomUUID(), "pending"))
        .withMessageContaining("payments_status_check");
  }

  private void insertRow(UUID paymentId, String key, String status) {
    jdbc.sql(
            """
            INSERT INTO payments (payment_id, booking_id, user_id, amount_minor, currency, method,
                                  status, idempotency_key, created_at, updated_at)
            VALUES (:paymentId, :bookingId, 'driver-1', 500, 'EUR', 'card', :status, :key, now(), now())
            """)
        .param("paymentId", paymentId)
        .param("bookingId", UUID.randomUUID())
        .param("status", status)
        .param("key", key)
        .update();
  }

  private long countWithKey(String key) {
    return jdbc.sql("SELECT count(*) FROM payments WHERE idempotency_key = :key")
        .param("key", key)
        .query(Long.class)
        .single();
  }
}
