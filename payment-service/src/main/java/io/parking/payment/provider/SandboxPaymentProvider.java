package io.parking.payment.provider;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In-process card processor that approves every hold and records each call, so tests can count
 * them.
 *
 * <p>NOTE: this sandbox is the only provider so far; a real processor client and configurable
 * declines (to exercise the {@code failed} status) come later.
 */
@Component
public class SandboxPaymentProvider implements PaymentProvider {

  private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public AuthorisationOutcome authorise(String idempotencyKey, long amountMinor, String currency) {
    calls.add(new Call(Operation.AUTHORISE, idempotencyKey));
    log.debug(
        "Sandbox approved hold {} of {} minor units {}", idempotencyKey, amountMinor, currency);
    return AuthorisationOutcome.APPROVED;
  }

  @Override
  public void voidAuthorisation(String idempotencyKey, String authorisationKey) {
    calls.add(new Call(Operation.VOID, idempotencyKey));
    log.debug("Sandbox released hold {} with key {}", authorisationKey, idempotencyKey);
  }

  /** Returns the calls received so far, oldest first. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Kind of request the sandbox received. */
  public enum Operation {
    AUTHORISE,
    VOID
  }

  /**
   * One request the sandbox received.
   *
   * @param operation what was requested
   * @param idempotencyKey key the caller sent with it
   */
  public record Call(Operation operation, String idempotencyKey) {}
}
