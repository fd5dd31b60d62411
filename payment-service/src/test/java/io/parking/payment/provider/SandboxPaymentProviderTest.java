package io.parking.payment.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.parking.payment.provider.SandboxPaymentProvider.Call;
import io.parking.payment.provider.SandboxPaymentProvider.Fault;
import io.parking.payment.provider.SandboxPaymentProvider.Operation;
import org.junit.jupiter.api.Test;

class SandboxPaymentProviderTest {

  private final SandboxPaymentProvider sandbox =
      new SandboxPaymentProvider(new SandboxProperties(10_000));

  @Test
  void repeatedKeyReturnsFirstReference() {
    // given
    String first = sandbox.authorise("k-1", 500, "EUR");

    // when
    String second = sandbox.authorise("k-1", 500, "EUR");

    // then
    assertThat(second).isEqualTo(first);
    assertThat(sandbox.calls()).containsExactly(new Call(Operation.AUTHORISE, "k-1", 500));
  }

  @Test
  void timeoutAppliesRequestOnce() {
    // given
    sandbox.failNext("k-2", Fault.TIMEOUT);
    assertThatExceptionOfType(ProviderTimeoutException.class)
        .isThrownBy(() -> sandbox.authorise("k-2", 500, "EUR"));

    // when
    String retried = sandbox.authorise("k-2", 500, "EUR");

    // then
    assertThat(retried).startsWith("auth_");
    assertThat(sandbox.calls()).hasSize(1);
  }

  @Test
  void declineAboveLimit() {
    assertThatExceptionOfType(ProviderDeclinedException.class)
        .isThrownBy(() -> sandbox.authorise("k-3", 10_001, "EUR"))
        .withMessageContaining("10001");
    assertThat(sandbox.calls()).isEmpty();
  }

  @Test
  void captureAboveHoldIsRejected() {
    // given
    String hold = sandbox.authorise("k-4", 500, "EUR");

    // when / then
    assertThatExceptionOfType(ProviderRejectedException.class)
        .isThrownBy(() -> sandbox.capture("c-4", hold, 501))
        .withMessageContaining("exceeds");
  }

  @Test
  void captureAfterVoidIsRejected() {
    // given
    String hold = sandbox.authorise("k-5", 500, "EUR");
    sandbox.voidAuthorisation("v-5", hold);

    // when / then
    assertThatExceptionOfType(ProviderRejectedException.class)
        .isThrownBy(() -> sandbox.capture("c-5", hold, 500))
        .withMessageContaining("voided");
  }

  @Test
  void refundIsLimitedToCapturedAmount() {
    // given
    String hold = sandbox.authorise("k-6", 500, "EUR");
    String capture = sandbox.capture("c-6", hold, 400);
    sandbox.refund("r-6a", capture, 300);

    // when / then
    assertThatExceptionOfType(ProviderRejectedException.class)
        .isThrownBy(() -> sandbox.refund("r-6b", capture, 101))
        .withMessageContaining("100 minor units left");
    assertThat(sandbox.refund("r-6a", capture, 300)).startsWith("refund_");
  }

  @Test
  void declinedRequestIsEvaluatedAgain() {
    // given
    String hold = sandbox.authorise("k-7", 500, "EUR");
    sandbox.failNext("c-7", Fault.DECLINE);
    assertThatExceptionOfType(ProviderDeclinedException.class)
        .isThrownBy(() -> sandbox.capture("c-7", hold, 500));

    // when
    String capture = sandbox.capture("c-7", hold, 500);

    // then
    assertThat(capture).startsWith("capt_");
  }

  @Test
  void voidOfUnknownHoldSucceeds() {
    // when
    sandbox.voidAuthorisation("v-8", "auth_from_before_a_restart");

    // then
    assertThat(sandbox.calls()).containsExactly(new Call(Operation.VOID, "v-8", 0));
  }

  @Test
  void captureOfUnknownHoldIsRejected() {
    assertThatExceptionOfType(ProviderRejectedException.class)
        .isThrownBy(() -> sandbox.capture("c-9", "auth_unknown", 100))
        .withMessageContaining("auth_unknown");
  }
}
