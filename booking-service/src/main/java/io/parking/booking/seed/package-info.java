/** Creates the demo lot at start-up when {@code parking.demo-seed} is true. */
package io.parking.booking.seed;
