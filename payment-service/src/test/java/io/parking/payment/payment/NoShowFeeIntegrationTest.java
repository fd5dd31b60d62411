package io.parking.payment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parking.events.EventTypes;
import io.parking.events.Topics;
import io.parking.payment.provider.SandboxPaymentProvider;
import io.parking.payment.support.BookingEvents;
import io.parking.payment.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(
    properties = {"parking.payment.no-show.policy=fee", "parking.payment.no-show.fee-minor=700"})
class NoShowFeeIntegrationTest extends IntegrationTest {

  @Autowired private PaymentRepository payments;
  @Autowired private SettlementRepository settlements;
  @Autowired private SandboxPaymentProvider provider;

  @Test
  void expiredBookingCapturesFee() {
    // given two hours held in lot 5 (10.00)
    UUID bookingId = UUID.randomUUID();
    long spotId = BookingEvents.newSpotId();
    String driver = "driver-" + UUID.randomUUID();
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.event(
            EventTypes.BOOKING_RESERVED,
            bookingId,
            5,
            spotId,
            driver,
            Duration.ofHours(2),
            BookingEvents.START));

    // when
    send(
        Topics.BOOKING_EVENTS,
        Long.toString(spotId),
        BookingEvents.event(
            EventTypes.BOOKING_EXPIRED,
            bookingId,
            5,
            spotId,
            driver,
            Duration.ofHours(2),
            BookingEvents.START.plus(Duration.ofMinutes(20))));

    // then
    await()
        .untilAsserted(
            () ->
                assertThat(settlements.findById(bookingId))
                    .map(Settlement::getStatus)
                    .contains(Settlement.PAID));
    Settlement settlement = settlements.findById(bookingId).orElseThrow();
    assertThat(settlement.getReason()).isEqualTo(Settlement.NO_SHOW);
    assertThat(settlement.getAmountMinor()).isEqualTo(700);
    assertThat(settlement.getEntryTime()).isNull();
    Payment hold =
        payments
            .findFirstByBookingIdAndKindOrderByCreatedAtDesc(bookingId, Payment.HOLD)
            .orElseThrow();
    assertThat(hold.getStatus()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(hold.getCapturedMinor()).isEqualTo(700);
    assertThat(provider.calls())
        .filteredOn(call -> call.idempotencyKey().equals("capture:" + bookingId))
        .extracting(SandboxPaymentProvider.Call::amountMinor)
        .containsExactly(700L);
  }
}
