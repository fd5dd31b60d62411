package io.parking.payment.payment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Payment rules ({@code parking.payment.*}); the tariffs live in {@code parking.payment.pricing}.
 *
 * @param noShow what happens to the hold of a booking that expired without a check-in
 * @param captureRetry how often a failed capture is tried again before operators are told
 */
@Validated
@ConfigurationProperties("parking.payment")
public record PaymentProperties(@NotNull @Valid NoShow noShow, @NotNull @Valid Retry captureRetry) {

  /** Policies for a booking that expired without a check-in. */
  public enum NoShowPolicy {
    /** Void the hold: a no-show costs nothing. */
    RELEASE,
    /** Capture a fixed fee from the hold and release the rest. */
    FEE
  }

  /**
   * No-show rule.
   *
   * @param policy {@code release} or {@code fee}
   * @param feeMinor fee in minor units of the lot's currency when the policy is {@code fee}
   */
  public record NoShow(@NotNull NoShowPolicy policy, @PositiveOrZero long feeMinor) {}

  /**
   * Bounded exponential backoff of failed captures.
   *
   * @param maxAttempts attempts in all, the first one included, before the capture is failed
   * @param initialBackoff pause after the first failed attempt; it doubles after each further one
   * @param pollInterval how often due retries are looked for
   */
  public record Retry(
      @Positive int maxAttempts, @NotNull Duration initialBackoff, @NotNull Duration pollInterval) {

    /** Returns the pause after the {@code attempts}-th failed attempt. */
    Duration backoffAfter(int attempts) {
      return initialBackoff.multipliedBy(1L << Math.min(attempts - 1, 20));
    }
  }
}
