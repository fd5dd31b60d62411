/**
 * The platform's only public entry: routes the app, kiosk and operator APIs to the services and
 * serves the kiosk page and the aggregated API docs. Before a request reaches a service, the
 * gateway checks its bearer token and role ({@code security}), its rate limit ({@code ratelimit})
 * and its body size ({@code routing}); each route has a circuit breaker, a time limit and retries
 * for idempotent requests (application.yml). Every rejection is an RFC 9457 problem detail ({@code
 * problem}).
 */
package io.parking.gateway;
