/**
 * RFC 9457 problem details for failures inside the gateway: unknown paths, unreachable services.
 */
package io.parking.gateway.problem;
