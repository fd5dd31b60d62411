/**
 * Rate limits kept in Redis with Spring Cloud Gateway's RedisRateLimiter: writes per user, requests
 * without a token per client address, other reads per user. A rejected request gets a 429 problem
 * detail with Retry-After; without Redis the limits fail open.
 */
package io.parking.gateway.ratelimit;
