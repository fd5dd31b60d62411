package io.parking.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code payment.receipt-issued}: what a completed parking session cost and why.
 *
 * @param receiptId id of the receipt
 * @param bookingId booking that was paid
 * @param userId driver who paid
 * @param lotId lot of the spot
 * @param spotId spot that was parked in
 * @param windowStart start of the booked window
 * @param windowEnd end of the booked window
 * @param entryTime when the session started for billing: the check-in time, or the window start
 *     when no check-in was seen
 * @param exitTime when the session ended for billing: the time of the completion
 * @param amountMinor total charged, in minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param lines how the total was computed, in order
 */
public record PaymentReceipt(
    UUID receiptId,
    UUID bookingId,
    String userId,
    long lotId,
    long spotId,
    Instant windowStart,
    Instant windowEnd,
    Instant entryTime,
    Instant exitTime,
    long amountMinor,
    String currency,
    List<Line> lines) {

  public PaymentReceipt {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /**
   * One line of a receipt's rate breakdown.
   *
   * @param description what the line charges or deducts, for example {@code 2 h at 5.00/h}
   * @param amountMinor amount of the line in minor units; 0 for an informational line
   */
  public record Line(String description, long amountMinor) {}
}
