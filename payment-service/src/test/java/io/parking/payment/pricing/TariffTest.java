package io.parking.payment.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffTest {

  // 5.00 per hour, the first hour 5.00, then whole hours; 5 minutes free at entry, 15 minutes
  // deducted at exit, at most 20.00 a day.
  private final Tariff tariff =
      new Tariff("EUR", Map.of(Tariff.STANDARD, 500L), 60, 500, 60, 5, 15, 2000);

  @ParameterizedTest(name = "{0} min stay costs {1}")
  @CsvSource({
    "0, 0",
    "5, 0",
    "6, 500",
    "75, 500",
    "76, 1000",
    "130, 1000",
    "136, 1500",
    "300, 2000",
    "1440, 2000",
    "1800, 4000",
    "2895, 4000",
    "2896, 4500"
  })
  void priceStayAppliesGraceIntervalsAndDailyMaximum(long minutes, long expectedMinor) {
    assertThat(tariff.priceStay(Duration.ofMinutes(minutes), Tariff.STANDARD).amountMinor())
        .isEqualTo(expectedMinor);
  }

  @Test
  void priceWindowIgnoresGrace() {
    // when
    Quote quote = tariff.priceWindow(Duration.ofHours(2), Tariff.STANDARD);

    // then
    assertThat(quote.amountMinor()).isEqualTo(1000);
    assertThat(quote.currency()).isEqualTo("EUR");
    assertThat(quote.lines())
        .containsExactly(
            new Quote.Line("First 60 min", 500), new Quote.Line("1 x 60 min at 500 per hour", 500));
  }

  @Test
  void priceStayExplainsDailyMaximum() {
    // when
    Quote quote = tariff.priceStay(Duration.ofHours(30), Tariff.STANDARD);

    // then
    assertThat(quote.lines())
        .containsExactly(
            new Quote.Line("Exit grace of 15 min deducted", 0),
            new Quote.Line("1 x 24 h at 2000 per day", 2000),
            new Quote.Line("345 min capped at the daily maximum of 2000", 2000));
  }

  @Test
  void partialIncrementRoundsUpToMinorUnit() {
    // given 2.50 per hour in 20-minute increments, no first interval
    Tariff byThirds = new Tariff("EUR", Map.of(Tariff.STANDARD, 250L), 0, 0, 20, 0, 0, 0);

    // when
    Quote quote = byThirds.priceStay(Duration.ofMinutes(21), Tariff.STANDARD);

    // then 40 minutes at 2.50 per hour are 166.67 cents, rounded up
    assertThat(quote.amountMinor()).isEqualTo(167);
  }

  @Test
  void unknownSpotTypeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> tariff.priceStay(Duration.ofHours(1), "ev-charging"))
        .withMessageContaining("ev-charging");
  }
}
