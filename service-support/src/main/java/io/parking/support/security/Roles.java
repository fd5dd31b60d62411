package io.parking.support.security;

import java.util.List;

/**
 * The roles a token's {@value #CLAIM} claim may name. docs/security.md lists what each may do, and
 * each service's security configuration enforces it.
 */
public final class Roles {

  /** The claim holding the caller's roles, a JSON array of the names below. */
  public static final String CLAIM = "roles";

  /** A driver: the lot catalogue, and their own bookings, payments and notifications. */
  public static final String DRIVER = "driver";

  /** An entrance kiosk: reads free-spot counts and nothing else. */
  public static final String KIOSK = "kiosk";

  /**
   * An operator: every lot's data, reconciliation records, sensor alerts, metrics, and holds,
   * captures and refunds of any driver's payment.
   */
  public static final String OPERATOR = "operator";

  /** Another service of the platform calling an internal endpoint. */
  public static final String SERVICE = "service";

  public static final List<String> ALL = List.of(DRIVER, KIOSK, OPERATOR, SERVICE);

  private Roles() {}
}
