package io.parking.notification.notification;

import io.parking.events.BookingChanged;
import io.parking.events.PaymentChanged;
import java.math.BigDecimal;
import java.util.Currency;

/** Texts of the notifications, built from event payloads. */
final class Messages {

  private Messages() {}

  static String bookingConfirmed(BookingChanged booking) {
    return "Your booking for spot %d from %s to %s is confirmed."
        .formatted(booking.spotId(), booking.startTime(), booking.endTime());
  }

  static String bookingCancelled(BookingChanged booking) {
    return "Your booking for spot %d from %s to %s is cancelled."
        .formatted(booking.spotId(), booking.startTime(), booking.endTime());
  }

  static String holdPlaced(PaymentChanged payment) {
    return "A hold of %s was placed on your card for booking %s."
        .formatted(formatAmount(payment.amountMinor(), payment.currency()), payment.bookingId());
  }

  static String holdReleased(PaymentChanged payment) {
    return "The hold of %s for booking %s was released."
        .formatted(formatAmount(payment.amountMinor(), payment.currency()), payment.bookingId());
  }

  /**
   * Formats an amount in minor units with the currency's decimal places, for example 500 EUR as
   * {@code 5.00 EUR} and 500 JPY as {@code 500 JPY}.
   *
   * @throws IllegalArgumentException when {@code currencyCode} is not an ISO 4217 code
   */
  static String formatAmount(long amountMinor, String currencyCode) {
    Currency currency = Currency.getInstance(currencyCode);
    // Pseudo-currencies such as XXX have no decimal places (-1).
    int fractionDigits = Math.max(currency.getDefaultFractionDigits(), 0);
    return BigDecimal.valueOf(amountMinor, fractionDigits).toPlainString()
        + " "
        + currency.getCurrencyCode();
  }
}
