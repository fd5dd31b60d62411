/**
 * Reconciliation of bookings with the spot sensors: the records operators review (unreserved
 * occupancies, wrong-spot suspicions, overstays), their operator API and the overstay check.
 */
package io.parking.booking.reconciliation;
