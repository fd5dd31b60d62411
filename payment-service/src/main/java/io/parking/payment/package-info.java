/**
 * Payment service: places a pre-authorisation hold when a booking is reserved and releases it when
 * the booking is cancelled.
 */
package io.parking.payment;
