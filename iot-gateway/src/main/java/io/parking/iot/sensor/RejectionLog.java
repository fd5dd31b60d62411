package io.parking.iot.sensor;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs rejected sensor messages at WARN, at most one line per reason per window, so that a
 * misconfigured fleet of sensors cannot flood the log. The next line for a reason reports how many
 * rejections were left out since the previous one; the {@code parking.sensor.rejected} counter
 * counts all of them.
 */
class RejectionLog {

  static final Duration WINDOW = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(RejectionLog.class);

  private final LongSupplier nanoTime;
  private final Map<RejectionReason, Window> windows = new EnumMap<>(RejectionReason.class);

  RejectionLog() {
    this(System::nanoTime);
  }

  RejectionLog(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  void warn(String topic, RejectionReason reason, String detail) {
    OptionalLong suppressed = admit(reason);
    if (suppressed.isEmpty()) {
      return;
    }
    if (suppressed.getAsLong() == 0) {
      log.warn("Rejected sensor message on {}: {}: {}", topic, reason.tag(), detail);
    } else {
      log.warn(
          "Rejected sensor message on {}: {}: {} ({} more rejected for this reason since the"
              + " previous line were not logged)",
          topic,
          reason.tag(),
          detail,
          suppressed.getAsLong());
    }
  }

  /**
   * Decides whether a rejection for this reason gets a log line.
   *
   * @return empty when the line is suppressed, otherwise the number of rejections for this reason
   *     suppressed since the previous line
   */
  synchronized OptionalLong admit(RejectionReason reason) {
    long now = nanoTime.getAsLong();
    Window window = windows.get(reason);
    if (window != null && now - window.loggedAt < WINDOW.toNanos()) {
      window.suppressed++;
      return OptionalLong.empty();
    }
    long suppressed = window == null ? 0 : window.suppressed;
    windows.put(reason, new Window(now));
    return OptionalLong.of(suppressed);
  }

  private static final class Window {
    private final long loggedAt;
    private long suppressed;

    private Window(long loggedAt) {
      this.loggedAt = loggedAt;
    }
  }
}
