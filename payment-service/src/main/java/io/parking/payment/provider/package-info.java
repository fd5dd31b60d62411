/**
 * The card-processor boundary: the {@link io.parking.payment.provider.PaymentProvider} port and its
 * sandbox.
 */
package io.parking.payment.provider;
