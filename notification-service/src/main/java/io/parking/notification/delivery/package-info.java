/** E-mail and signed webhook deliveries of platform events, with retries and a dead state. */
package io.parking.notification.delivery;
