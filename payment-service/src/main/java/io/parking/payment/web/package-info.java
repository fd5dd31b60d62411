/** HTTP error handling: every error leaves the service as an RFC 9457 problem detail. */
package io.parking.payment.web;
