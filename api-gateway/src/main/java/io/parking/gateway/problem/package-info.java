/**
 * RFC 9457 problem details for every error response the gateway sends itself: unknown paths,
 * unreachable, slow or failing services (503), and the 401, 403, 413 and 429 of the security chain,
 * rate limiter and request size check, which write through {@link
 * io.parking.gateway.problem.ProblemResponses}.
 */
package io.parking.gateway.problem;
