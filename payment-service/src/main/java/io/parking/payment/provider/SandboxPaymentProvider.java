package io.parking.payment.provider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In-process card processor with the rules of a real one. A capture takes at most the held amount
 * and is rejected after a void, and a refund returns at most what was captured. A repeated
 * idempotency key returns the first result without applying the request again.
 *
 * <p>Declines come from {@code parking.payment.sandbox.decline-above-minor} or from {@link
 * #failNext}. A declined request is not stored under its key, because it moved no money, so a retry
 * with the same key is evaluated again. A timeout from {@link #failNext} applies the request and
 * then throws, as when the processor's response is lost on the way back.
 *
 * <p>All methods are synchronized: the sandbox serves tests and local runs, not load.
 */
@Component
public class SandboxPaymentProvider implements PaymentProvider {

  private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

  private final SandboxProperties properties;
  private final Map<String, String> referencesByKey = new HashMap<>();
  private final Map<String, Hold> holds = new HashMap<>();
  private final Map<String, Capture> captures = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Queue<Fault>> faults = new HashMap<>();

  public SandboxPaymentProvider(SandboxProperties properties) {
    this.properties = properties;
  }

  @Override
  public synchronized String authorise(String idempotencyKey, long amountMinor, String currency) {
    return apply(
        Operation.AUTHORISE,
        idempotencyKey,
        amountMinor,
        () -> {
          if (amountMinor > properties.declineAboveMinor()) {
            throw new ProviderDeclinedException(
                "Sandbox declined hold %s of %d minor units: above the limit of %d"
                    .formatted(idempotencyKey, amountMinor, properties.declineAboveMinor()));
          }
          String reference = "auth_" + UUID.randomUUID();
          holds.put(reference, new Hold(amountMinor));
          return reference;
        });
  }

  @Override
  public synchronized String capture(
      String idempotencyKey, String authorisationReference, long amountMinor) {
    return apply(
        Operation.CAPTURE,
        idempotencyKey,
        amountMinor,
        () -> {
          Hold hold = requireHold(authorisationReference);
          if (hold.state != HoldState.HELD) {
            throw new ProviderRejectedException(
                "Hold %s is %s and cannot be captured"
                    .formatted(authorisationReference, hold.state.name().toLowerCase()));
          }
          if (amountMinor > hold.amountMinor) {
            throw new ProviderRejectedException(
                "Capture of %d exceeds the %d minor units held by %s"
                    .formatted(amountMinor, hold.amountMinor, authorisationReference));
          }
          hold.state = HoldState.CAPTURED;
          String reference = "capt_" + UUID.randomUUID();
          captures.put(reference, new Capture(amountMinor));
          return reference;
        });
  }

  @Override
  public synchronized void voidAuthorisation(String idempotencyKey, String authorisationReference) {
    apply(
        Operation.VOID,
        idempotencyKey,
        0,
        () -> {
          Hold hold = holds.get(authorisationReference);
          if (hold == null) {
            // NOTE: the sandbox stores its holds in memory, so a restart forgets them. Voiding such
            // a
            // hold succeeds, so bookings made before a restart can still be cancelled.
            log.info(
                "Sandbox voided unknown hold {}, placed before a restart", authorisationReference);
            return "void_" + UUID.randomUUID();
          }
          if (hold.state == HoldState.CAPTURED) {
            throw new ProviderRejectedException(
                "Hold %s was captured and cannot be voided".formatted(authorisationReference));
          }
          hold.state = HoldState.VOIDED;
          return "void_" + UUID.randomUUID();
        });
  }

  @Override
  public synchronized String refund(
      String idempotencyKey, String captureReference, long amountMinor) {
    return apply(
        Operation.REFUND,
        idempotencyKey,
        amountMinor,
        () -> {
          Capture capture = captures.get(captureReference);
          if (capture == null) {
            throw new ProviderRejectedException("Capture " + captureReference + " not found");
          }
          if (capture.refundedMinor + amountMinor > capture.amountMinor) {
            throw new ProviderRejectedException(
                "Refund of %d exceeds the %d minor units left on %s"
                    .formatted(
                        amountMinor,
                        capture.amountMinor - capture.refundedMinor,
                        captureReference));
          }
          capture.refundedMinor += amountMinor;
          return "refund_" + UUID.randomUUID();
        });
  }

  /**
   * Makes the next request with {@code idempotencyKey} fail with {@code fault}; faults queued for
   * one key apply in order, one per request.
   */
  public synchronized void failNext(String idempotencyKey, Fault fault) {
    faults.computeIfAbsent(idempotencyKey, ignored -> new ArrayDeque<>()).add(fault);
  }

  /** Returns the requests the sandbox applied, oldest first; replays of a key are not listed. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  private String apply(
      Operation operation, String idempotencyKey, long amountMinor, Supplier<String> request) {
    String known = referencesByKey.get(idempotencyKey);
    Queue<Fault> pending = faults.get(idempotencyKey);
    Fault fault = pending == null ? null : pending.poll();
    if (fault == Fault.DECLINE) {
      throw new ProviderDeclinedException(
          "Sandbox declined %s %s as configured".formatted(operation, idempotencyKey));
    }
    if (known != null) {
      log.debug("Sandbox replayed {} {} as {}", operation, idempotencyKey, known);
    } else {
      known = request.get();
      referencesByKey.put(idempotencyKey, known);
      calls.add(new Call(operation, idempotencyKey, amountMinor));
      log.debug("Sandbox applied {} {} of {} minor units", operation, idempotencyKey, amountMinor);
    }
    if (fault == Fault.TIMEOUT) {
      throw new ProviderTimeoutException(
          "Sandbox timed out on %s %s after applying it".formatted(operation, idempotencyKey));
    }
    return known;
  }

  private Hold requireHold(String authorisationReference) {
    Hold hold = holds.get(authorisationReference);
    if (hold == null) {
      throw new ProviderRejectedException("Hold " + authorisationReference + " not found");
    }
    return hold;
  }

  /** Kind of request the sandbox received. */
  public enum Operation {
    AUTHORISE,
    CAPTURE,
    VOID,
    REFUND
  }

  /** Failure that {@link #failNext} injects. */
  public enum Fault {
    DECLINE,
    TIMEOUT
  }

  /**
   * One request the sandbox applied.
   *
   * @param operation what was requested
   * @param idempotencyKey key the caller sent with it
   * @param amountMinor amount of the request, 0 for a void
   */
  public record Call(Operation operation, String idempotencyKey, long amountMinor) {}

  private enum HoldState {
    HELD,
    CAPTURED,
    VOIDED
  }

  private static final class Hold {
    private final long amountMinor;
    private HoldState state = HoldState.HELD;

    private Hold(long amountMinor) {
      this.amountMinor = amountMinor;
    }
  }

  private static final class Capture {
    private final long amountMinor;
    private long refundedMinor;

    private Capture(long amountMinor) {
      this.amountMinor = amountMinor;
    }
  }
}
