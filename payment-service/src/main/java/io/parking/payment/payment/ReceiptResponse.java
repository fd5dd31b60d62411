package io.parking.payment.payment;

import io.parking.events.PaymentReceipt;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The bill of a finished booking as the HTTP API returns it.
 *
 * @param receiptId id of the receipt
 * @param bookingId booking that was billed
 * @param status {@code paid}, {@code pending} (a capture is being retried) or {@code failed}
 * @param reason {@code completed} or {@code no_show}
 * @param spotId spot that was booked
 * @param lotId lot of the spot
 * @param windowStart start of the booked window
 * @param windowEnd end of the booked window
 * @param entryTime start of the billed stay; null for a no-show
 * @param exitTime end of the billed stay; null for a no-show
 * @param amountMinor total in minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param heldPartMinor part taken from the hold
 * @param extraPartMinor part charged beyond the hold
 * @param lines rate breakdown, in order
 */
record ReceiptResponse(
    UUID receiptId,
    UUID bookingId,
    String status,
    String reason,
    long spotId,
    long lotId,
    Instant windowStart,
    Instant windowEnd,
    Instant entryTime,
    Instant exitTime,
    long amountMinor,
    String currency,
    long heldPartMinor,
    long extraPartMinor,
    List<PaymentReceipt.Line> lines) {

  static ReceiptResponse from(Settlement settlement, List<PaymentReceipt.Line> lines) {
    return new ReceiptResponse(
        settlement.getReceiptId(),
        settlement.getBookingId(),
        settlement.getStatus(),
        settlement.getReason(),
        settlement.getSpotId(),
        settlement.getLotId(),
        settlement.getWindowStart(),
        settlement.getWindowEnd(),
        settlement.getEntryTime(),
        settlement.getExitTime(),
        settlement.getAmountMinor(),
        settlement.getCurrency(),
        settlement.getHoldPartMinor(),
        settlement.getExtraPartMinor(),
        List.copyOf(lines));
  }
}
