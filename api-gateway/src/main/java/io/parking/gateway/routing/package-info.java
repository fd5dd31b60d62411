/**
 * Request handling shared by every gateway route: the correlation id, the request body limit and
 * the log lines of circuit breaker state changes. The routes themselves, with their circuit
 * breakers, time limits and retries, are in application.yml.
 */
package io.parking.gateway.routing;
