package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

  @ParameterizedTest(name = "{0} minor units of {1} read {2}")
  @CsvSource({
    "500, EUR, 5.00 EUR",
    "5, EUR, 0.05 EUR",
    "0, EUR, 0.00 EUR",
    "123456, USD, 1234.56 USD",
    "500, JPY, 500 JPY",
    "1500, KWD, 1.500 KWD",
  })
  void formatAmountUsesCurrencyDecimals(long amountMinor, String currency, String expected) {
    assertThat(Messages.formatAmount(amountMinor, currency)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "currency {0}")
  @CsvSource({"EURO", "ABC"})
  void formatAmountRejectsUnknownCurrency(String currency) {
    assertThatIllegalArgumentException().isThrownBy(() -> Messages.formatAmount(500, currency));
  }
}
