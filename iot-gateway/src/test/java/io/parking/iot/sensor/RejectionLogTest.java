package io.parking.iot.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RejectionLogTest {

  private final AtomicLong nanoTime = new AtomicLong(1_000);
  private final RejectionLog rejectionLog = new RejectionLog(nanoTime::get);

  @Test
  void admitFirstRejection() {
    assertThat(rejectionLog.admit(RejectionReason.MALFORMED_JSON)).hasValue(0);
  }

  @Test
  void admitSuppressesRepeatsWithinWindow() {
    rejectionLog.admit(RejectionReason.MALFORMED_JSON);

    nanoTime.addAndGet(RejectionLog.WINDOW.toNanos() - 1);

    assertThat(rejectionLog.admit(RejectionReason.MALFORMED_JSON)).isEmpty();
    assertThat(rejectionLog.admit(RejectionReason.MALFORMED_JSON)).isEmpty();
  }

  @Test
  void admitReportsSuppressedCountAfterWindow() {
    rejectionLog.admit(RejectionReason.MALFORMED_JSON);
    rejectionLog.admit(RejectionReason.MALFORMED_JSON);
    rejectionLog.admit(RejectionReason.MALFORMED_JSON);

    nanoTime.addAndGet(RejectionLog.WINDOW.toNanos());

    assertThat(rejectionLog.admit(RejectionReason.MALFORMED_JSON)).hasValue(2);
    assertThat(rejectionLog.admit(RejectionReason.MALFORMED_JSON)).isEmpty();
  }

  @Test
  void admitKeepsReasonsApart() {
    rejectionLog.admit(RejectionReason.MALFORMED_JSON);

    nanoTime.addAndGet(Duration.ofSeconds(1).toNanos());

    assertThat(rejectionLog.admit(RejectionReason.UNKNOWN_SPOT)).hasValue(0);
  }
}
