/**
 * The reconciliation pass: compares each lot's Redis state with the booking database's layout and
 * corrects what differs, once per cluster.
 */
package io.parking.availability.reconciliation;
