package io.parking.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.parking.events.UnreservedOccupancy;
import java.time.Instant;
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

  @ParameterizedTest(name = "spot status {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "available | Sensor mag-0218 saw a car on spot 218 (lot 1, floor 2) at"
            + " 2026-12-04T10:19:58Z, but no booking was due on it.",
        "reserved  | Sensor mag-0218 saw a car on spot 218 (lot 1, floor 2) at"
            + " 2026-12-04T10:19:58Z, but it is held for a later booking and no booking was due"
            + " on it.",
      })
  void unreservedOccupancyAlertNamesSpotStatus(String spotStatus, String expected) {
    UnreservedOccupancy occupancy =
        new UnreservedOccupancy(
            1, 2, 218, "mag-0218", spotStatus, Instant.parse("2026-12-04T10:19:58Z"));

    assertThat(Messages.unreservedOccupancyAlert(occupancy)).isEqualTo(expected);
  }
}
