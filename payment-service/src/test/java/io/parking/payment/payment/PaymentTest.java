package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static final Instant CREATED = Instant.parse("2026-12-04T08:00:00Z");
  private static final Instant LATER = CREATED.plusSeconds(60);

  @Test
  void voidHoldReleasesAuthorisedHold() {
    // given
    Payment payment = authorised();

    // when
    payment.voidHold(LATER);

    // then
    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.VOIDED);
    assertThat(payment.getUpdatedAt()).isEqualTo(LATER);
    assertThat(payment.getCreatedAt()).isEqualTo(CREATED);
  }

  @Test
  void voidHoldRejectsVoidedPayment() {
    // given
    Payment payment = authorised();
    payment.voidHold(LATER);

    // when / then
    assertThatExceptionOfType(IllegalPaymentTransitionException.class)
        .isThrownBy(() -> payment.voidHold(LATER))
        .withMessageContaining("from voided to voided");
  }

  @Test
  void voidHoldRejectsDeclinedPayment() {
    // given
    Payment payment =
        Payment.declinedHold(UUID.randomUUID(), "driver-1", 500, "EUR", "preauth:x", CREATED);

    // when / then
    assertThatExceptionOfType(IllegalPaymentTransitionException.class)
        .isThrownBy(() -> payment.voidHold(LATER))
        .withMessageContaining("from failed to voided");
    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void captureTakesPartOfHold() {
    // given
    Payment payment = authorised();

    // when
    payment.capture(300, "capture:x", "capt-x", LATER);

    // then
    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(payment.getCapturedMinor()).isEqualTo(300);
    assertThat(payment.getCaptureKey()).isEqualTo("capture:x");
  }

  @Test
  void captureRejectsVoidedHold() {
    // given
    Payment payment = authorised();
    payment.voidHold(LATER);

    // when / then
    assertThatExceptionOfType(IllegalPaymentTransitionException.class)
        .isThrownBy(() -> payment.capture(300, "capture:x", "capt-x", LATER))
        .withMessageContaining("from voided to captured");
  }

  @Test
  void captureRejectsAmountAboveHold() {
    // given
    Payment payment = authorised();

    // when / then
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(() -> payment.capture(501, "capture:x", "capt-x", LATER))
        .withMessageContaining("0..500");
    assertThat(payment.getStatus()).isEqualTo(PaymentStatus.AUTHORISED);
  }

  private static Payment authorised() {
    return Payment.authorisedHold(
        UUID.randomUUID(), "driver-1", 500, "EUR", "preauth:x", "auth-x", CREATED);
  }
}
