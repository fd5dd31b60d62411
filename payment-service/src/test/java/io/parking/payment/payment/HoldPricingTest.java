package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldPricingTest {

  private static final Instant START = Instant.parse("2026-12-04T09:00:00Z");

  @ParameterizedTest(name = "{0} at 250 per hour costs {1}")
  @CsvSource({
    "PT1S, 250",
    "PT59M, 250",
    "PT1H, 250",
    "PT1H0M0.001S, 500",
    "PT61M, 500",
    "PT2H, 500",
    "PT24H, 6000",
  })
  void estimateRoundsUpToStartedHours(Duration window, long expectedMinor) {
    // given
    Instant end = START.plus(window);

    // when
    long amount = HoldPricing.estimateMinor(START, end, 250);

    // then
    assertThat(amount).isEqualTo(expectedMinor);
  }

  @ParameterizedTest(name = "window of {0}")
  @CsvSource({"PT0S", "-PT1H"})
  void estimateRejectsEmptyWindow(Duration window) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> HoldPricing.estimateMinor(START, START.plus(window), 250))
        .withMessageContaining("must end after it starts");
  }
}
