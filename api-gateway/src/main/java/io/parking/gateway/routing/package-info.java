/** Request handling shared by every gateway route, such as the correlation id. */
package io.parking.gateway.routing;
