/**
 * Authentication and authorization: bearer-token authentication with the platform's shared token
 * settings, the role rules per path, identity headers for the services taken from the verified
 * token, CORS and security headers. Rejections are RFC 9457 problem details.
 */
package io.parking.gateway.security;
