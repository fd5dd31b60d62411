/**
 * The kiosk page: a full-screen display of a lot's free spots per floor. The page itself is static
 * (resources/static/kiosk) and polls the availability API through the gateway.
 */
package io.parking.gateway.kiosk;
