package io.parking.availability.store;

/**
 * Identity of a lot's counts, which change only when the lot is rebuilt or its change counter
 * moves.
 *
 * @param builtAt when the lot's Redis state was built, as stored
 * @param changes the lot's change counter since that build
 */
public record LotVersion(String builtAt, long changes) {}
