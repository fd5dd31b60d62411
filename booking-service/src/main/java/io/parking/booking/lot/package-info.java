/** Lots, floors and spots: the read API, the layout for the availability service, spot states. */
package io.parking.booking.lot;
