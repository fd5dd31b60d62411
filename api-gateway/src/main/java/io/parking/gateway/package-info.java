/**
 * The platform's only public entry: routes the app, kiosk and operator APIs to the services and
 * serves the kiosk page and the aggregated API docs.
 */
package io.parking.gateway;
