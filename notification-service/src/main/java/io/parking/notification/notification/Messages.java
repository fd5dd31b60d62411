package io.parking.notification.notification;

import io.parking.events.BookingChanged;
import io.parking.events.BookingOverstayed;
import io.parking.events.PaymentChanged;
import io.parking.events.PaymentReceipt;
import io.parking.events.SensorAlert;
import io.parking.events.UnreservedOccupancy;
import io.parking.events.WrongSpotSuspected;
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

  static String noShow(BookingChanged booking) {
    return "Your booking for spot %d from %s to %s expired because nobody checked in."
        .formatted(booking.spotId(), booking.startTime(), booking.endTime());
  }

  static String captured(PaymentChanged payment) {
    return "%s was charged to your card for booking %s."
        .formatted(formatAmount(payment.amountMinor(), payment.currency()), payment.bookingId());
  }

  static String captureFailed(PaymentChanged payment) {
    return "We could not charge %s to your card for booking %s. Our staff will contact you."
        .formatted(formatAmount(payment.amountMinor(), payment.currency()), payment.bookingId());
  }

  static String receiptSummary(PaymentReceipt receipt) {
    return "Receipt for booking %s: %s paid for spot %d."
        .formatted(
            receipt.bookingId(),
            formatAmount(receipt.amountMinor(), receipt.currency()),
            receipt.spotId());
  }

  /** Builds the full receipt text of the e-mail: times, spot and the rate breakdown. */
  static String receipt(PaymentReceipt receipt) {
    StringBuilder text = new StringBuilder();
    text.append("Receipt ").append(receipt.receiptId()).append('\n');
    text.append("Booking: ").append(receipt.bookingId()).append('\n');
    text.append("Lot ").append(receipt.lotId()).append(", spot ").append(receipt.spotId());
    text.append('\n');
    text.append("Booked: ").append(receipt.windowStart()).append(" to ");
    text.append(receipt.windowEnd()).append('\n');
    if (receipt.entryTime() != null) {
      text.append("Parked: ").append(receipt.entryTime()).append(" to ");
      text.append(receipt.exitTime()).append('\n');
    }
    for (PaymentReceipt.Line line : receipt.lines()) {
      text.append("  ").append(line.description()).append(": ");
      text.append(formatAmount(line.amountMinor(), receipt.currency())).append('\n');
    }
    text.append("Total: ").append(formatAmount(receipt.amountMinor(), receipt.currency()));
    text.append('\n');
    return text.toString();
  }

  static String sensorOffline(SensorAlert alert) {
    return "Sensor %s on spot %d (lot %d, floor %d) is offline; last message at %s."
        .formatted(
            alert.sensorId(), alert.spotId(), alert.lotId(), alert.floorId(), alert.lastSeenAt());
  }

  static String sensorLowBattery(SensorAlert alert) {
    String level = alert.battery() == null ? "unknown" : alert.battery() + "%";
    return "Sensor %s on spot %d (lot %d, floor %d) has a low battery: %s."
        .formatted(alert.sensorId(), alert.spotId(), alert.lotId(), alert.floorId(), level);
  }

  static String overstayAlert(BookingOverstayed overstay) {
    return "Booking %s on spot %d (lot %d) ended at %s but the car is still on the spot."
        .formatted(overstay.bookingId(), overstay.spotId(), overstay.lotId(), overstay.endTime());
  }

  static String overstay(BookingOverstayed overstay) {
    return "Your booking for spot %d ended at %s. Please leave the spot; extra time is charged."
        .formatted(overstay.spotId(), overstay.endTime());
  }

  static String wrongSpotAlert(WrongSpotSuspected suspicion) {
    return "Booking %s: spot %d is still empty while unbooked spot %d on floor %d was taken."
        .formatted(
            suspicion.bookingId(),
            suspicion.bookedSpotId(),
            suspicion.occupiedSpotId(),
            suspicion.floorId());
  }

  static String wrongSpotSuspected(WrongSpotSuspected suspicion) {
    return ("Your booked spot is %d, but a car was detected on spot %d. If that is yours, please"
            + " move it to spot %d.")
        .formatted(suspicion.bookedSpotId(), suspicion.occupiedSpotId(), suspicion.bookedSpotId());
  }

  /**
   * Builds the operator alert of a car on a spot without a due booking. A spot in state {@code
   * reserved} is held for a later booking, which the text names because that booking's driver will
   * find the spot occupied.
   */
  static String unreservedOccupancyAlert(UnreservedOccupancy occupancy) {
    String spot =
        "spot %d (lot %d, floor %d)"
            .formatted(occupancy.spotId(), occupancy.lotId(), occupancy.floorId());
    String reason =
        "reserved".equals(occupancy.spotStatus())
            ? "it is held for a later booking and no booking was due on it"
            : "no booking was due on it";
    return "Sensor %s saw a car on %s at %s, but %s."
        .formatted(occupancy.sensorId(), spot, occupancy.startedAt(), reason);
  }

  static String startingSoon(LiveBookings.LiveBooking booking) {
    return "Your booking for spot %d starts at %s."
        .formatted(booking.spotId(), booking.startTime());
  }

  static String endingSoon(LiveBookings.LiveBooking booking) {
    return "Your booking for spot %d ends at %s. Extend it if you need more time."
        .formatted(booking.spotId(), booking.endTime());
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
