/**
 * Payment service: places a pre-authorisation hold when a booking is reserved, releases it when the
 * booking is cancelled, and settles the booking when it completes or expires. Over HTTP, drivers
 * read their own payments and receipts, and operators place holds, capture them and refund
 * captures.
 */
package io.parking.payment;
