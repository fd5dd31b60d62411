/** Tariffs per lot and the price of a parking session under them. */
package io.parking.payment.pricing;
